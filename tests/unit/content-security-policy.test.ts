import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { inlineScriptHashes, isAdminPath, pagePolicy } from '../../server/content-security-policy.ts'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

describe('inlineScriptHashes', () => {
  it('hashes the inline scripts a browser runs, and nothing else', () => {
    const head = '<script type="importmap">{"imports":{}}</script><script type="module" src="/_nuxt/a.js"></script>'
    const body = '<script>window.__NUXT__={}</script><script type="application/json" id="__NUXT_DATA__">[1]</script>'
    expect(inlineScriptHashes([head, body])).toEqual([sha256('{"imports":{}}'), sha256('window.__NUXT__={}')])
  })
})

describe('pagePolicy', () => {
  it('allows scripts from this site and by hash only, never eval or any inline script', () => {
    const policy = pagePolicy([sha256('x')], { admin: false })
    const scripts = policy.split('; ').find(part => part.startsWith('script-src'))
    expect(scripts).toBe(`script-src 'self' ${sha256('x')}`)
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).toContain(`object-src 'none'`)
    expect(policy).not.toContain('frame-ancestors')
  })

  it('keeps the admin area out of frames', () => {
    expect(pagePolicy([], { admin: true })).toContain(`frame-ancestors 'none'`)
    expect([isAdminPath('/admin'), isAdminPath('/admin/incidents'), isAdminPath('/admin?x'), isAdminPath('/administer'), isAdminPath('/')]).toEqual([true, true, true, false, false])
  })
})
