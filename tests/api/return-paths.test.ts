import { describe, expect, inject, it } from 'vitest'

/** Where /_prefs sends the browser back to, given `back`. */
async function backFromPreferences(back: string): Promise<string | null> {
  const response = await fetch(`${inject('baseUrl')}/_prefs?theme=dark&back=${encodeURIComponent(back)}`, { redirect: 'manual' })
  expect(response.status).toBe(303)
  return response.headers.get('location')
}

describe('return paths', () => {
  it('keep a path on this site', async () => {
    expect(await backFromPreferences('/history?component=x&day=2026-11-01')).toBe('/history?component=x&day=2026-11-01')
  })

  it.each([
    ['a tab browsers strip', '/\t/evil.example'],
    ['a backslash browsers read as a slash', '/\\evil.example'],
    ['another host', '//evil.example/'],
    ['an absolute URL', 'https://evil.example/'],
  ])('never lead to another site: %s', async (_, back) => {
    expect(await backFromPreferences(back)).toBe('/')
  })
})
