import { describe, expect, it } from 'vitest'
import { adminReturnPath, sameSitePath } from '../../shared/return-path.ts'

describe('sameSitePath', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(sameSitePath('/history?component=x&day=2026-11-01')).toBe('/history?component=x&day=2026-11-01')
    expect(sameSitePath('/incidents/1#updates')).toBe('/incidents/1#updates')
  })

  it.each([
    ['another host, protocol-relative', '//evil.example/'],
    ['a backslash, which browsers read as a slash', '/\\evil.example/'],
    ['an absolute URL', 'https://evil.example/'],
    ['a tab that browsers strip', '/\t/evil.example'],
    ['a newline', '/\n/evil.example'],
    ['a NUL', '/\u0000/evil.example'],
    ['a dot segment that resolves to two slashes', '/.//evil.example'],
    ['a relative path', 'history'],
    ['nothing', undefined],
    ['not text', ['/']],
  ])('refuses %s', (_, value) => {
    expect(sameSitePath(value)).toBe('/')
  })

  it('gives the fallback asked for', () => {
    expect(sameSitePath('//evil.example', '/admin')).toBe('/admin')
  })
})

describe('adminReturnPath', () => {
  it('keeps paths in the admin area', () => {
    expect(adminReturnPath('/admin/incidents/1?tab=2')).toBe('/admin/incidents/1?tab=2')
    expect(adminReturnPath('/admin')).toBe('/admin')
  })

  it('sends anything else to /admin', () => {
    expect(adminReturnPath('/administrator')).toBe('/admin')
    expect(adminReturnPath('/history')).toBe('/admin')
    expect(adminReturnPath('/admin/../history')).toBe('/admin')
    expect(adminReturnPath('/\t/evil.example')).toBe('/admin')
    expect(adminReturnPath('//evil.example/admin')).toBe('/admin')
  })
})
