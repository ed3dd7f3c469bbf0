import { createHash } from 'node:crypto'
import { describe, expect, inject, it } from 'vitest'

// What the browser is told to enforce. The browser tests (tests/e2e/security-headers.spec.ts) check
// that the pages still work under it.

const page = async (path: string) => {
  const response = await fetch(`${inject('baseUrl')}${path}`)
  return { response, html: await response.text(), policy: response.headers.get('content-security-policy') ?? '' }
}

const directive = (policy: string, name: string) => policy.split(/;\s*/).find(part => part.startsWith(`${name} `))

describe('security headers', () => {
  it('give the pages a Content-Security-Policy without eval that allows exactly their inline scripts by hash', async () => {
    for (const path of ['/', `/?csp=${crypto.randomUUID()}`, '/history', '/admin/sign-in']) {
      const { response, html, policy } = await page(path)
      expect(response.status).toBe(200)
      const scripts = directive(policy, 'script-src')!
      expect(scripts).toBeDefined()
      expect(policy).not.toContain('unsafe-eval')
      expect(scripts).not.toContain('unsafe-inline')
      expect(directive(policy, 'object-src')).toBe(`object-src 'none'`)
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
        .filter(([, attributes]) => !/type="application\/json"/.test(attributes!))
      // The status pages come without the app's scripts (nuxt.config.ts); the app's pages have some inline.
      expect(inline.length > 0, path).toBe(path.startsWith('/admin'))
      for (const [, , code] of inline) {
        expect(scripts).toContain(`'sha256-${createHash('sha256').update(code!).digest('base64')}'`)
      }
    }
  })

  it('keep the admin area out of frames', async () => {
    const { response, policy } = await page('/admin/sign-in')
    expect(directive(policy, 'frame-ancestors')).toBe(`frame-ancestors 'none'`)
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })

  it('forbid content sniffing and full referrers to other sites on pages and the API', async () => {
    for (const path of ['/', '/api/components', '/admin/sign-in', '/api/nothing-here']) {
      const { response } = await page(path)
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
    }
  })
})
