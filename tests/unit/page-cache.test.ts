import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isCachedPage, pageCacheKey, type PageRequest } from '../../server/cache/page-key.ts'
import { ExpiringLru } from '../../server/cache/lru.ts'
import { createResponseCache, type CachedBody } from '../../server/cache/response-cache.ts'

describe('isCachedPage', () => {
  it.each(['/', '/?x=1', '/history', '/incidents/0b6c1a3e-1f0e-4c53-9a39-3c2d4f5e6a7b', '/components/abc?at=now'])('caches GET %s', (path) => {
    expect(isCachedPage('GET', path)).toBe(true)
    expect(isCachedPage('HEAD', path)).toBe(true)
  })

  it.each([
    '/api/components', '/api', '/api?x', '/admin', '/admin/incidents', '/Admin', '//admin', '/_nuxt/entry.js',
    '/healthz', '/readyz', '/__nuxt_error?status=404', '/__nuxt_island/x', '/favicon.ico', '/robots.txt', '/_payload.json',
  ])('does not cache %s', (path) => {
    expect(isCachedPage('GET', path)).toBe(false)
  })

  it('caches only reading methods', () => {
    expect(isCachedPage('POST', '/')).toBe(false)
    expect(isCachedPage('OPTIONS', '/')).toBe(false)
  })

  it('still caches pages whose name only starts like another section', () => {
    expect(isCachedPage('GET', '/apiary')).toBe(true)
    expect(isCachedPage('GET', '/administration-notes')).toBe(true)
  })
})

describe('pageCacheKey', () => {
  const request = (overrides: Partial<PageRequest> = {}): PageRequest =>
    ({ path: '/', host: 'status.example', cookies: {}, acceptLanguage: undefined, ...overrides })
  const key = (overrides?: Partial<PageRequest>) => pageCacheKey(request(overrides))

  it('tells apart what changes the rendering', () => {
    const keys = [
      key(),
      key({ path: '/?x=1' }),
      key({ path: '/history' }),
      key({ host: 'other.example' }),
      key({ cookies: { locale: 'de' } }),
      key({ cookies: { theme: 'dark' } }),
      key({ cookies: { palette: 'contrast' } }),
      key({ cookies: { tz: 'Europe/Berlin' } }),
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('ignores other cookies and headers that pick the same language', () => {
    expect(key({ cookies: { session: 'abc', _ga: '1' } })).toBe(key())
    expect(key({ acceptLanguage: 'en-US,en;q=0.9' })).toBe(key())
    expect(key({ acceptLanguage: 'fr' })).toBe(key())
    expect(key({ acceptLanguage: 'de-DE,de;q=0.9' })).toBe(key({ acceptLanguage: 'de' }))
  })

  it('follows Accept-Language only without a locale cookie', () => {
    expect(key({ acceptLanguage: 'de' })).toBe(key({ cookies: { locale: 'de' } }))
    expect(key({ acceptLanguage: 'de', cookies: { locale: 'en' } })).toBe(key({ cookies: { locale: 'en' } }))
  })

  it('keys a locale cookie the page does not speak by the language it renders instead', () => {
    expect(key({ acceptLanguage: 'de', cookies: { locale: 'fr' } })).toBe(key({ cookies: { locale: 'de' } }))
    expect(key({ acceptLanguage: 'de', cookies: { locale: 'fr' } })).not.toBe(key({ cookies: { locale: 'fr' } }))
  })

  it('cannot be confused by cookie values that look like separators', () => {
    expect(key({ cookies: { theme: 'a","b' } })).not.toBe(key({ cookies: { theme: 'a', palette: 'b' } }))
  })
})

describe('ExpiringLru', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('drops the least recently used entry beyond its capacity', () => {
    const lru = new ExpiringLru<string, number>(2, 60_000)
    lru.set('a', 1)
    lru.set('b', 2)
    expect(lru.get('a')).toBe(1)
    lru.set('c', 3)
    expect(lru.get('b')).toBeUndefined()
    expect(lru.get('a')).toBe(1)
    expect(lru.get('c')).toBe(3)
    expect(lru.size).toBe(2)
  })

  it('forgets entries after their maximum age', () => {
    vi.useFakeTimers()
    const lru = new ExpiringLru<string, number>(10, 30_000)
    lru.set('a', 1)
    vi.advanceTimersByTime(29_999)
    expect(lru.get('a')).toBe(1)
    vi.advanceTimersByTime(1)
    expect(lru.get('a')).toBeUndefined()
    expect(lru.size).toBe(0)
  })

  it('restarts the age when an entry is set again', () => {
    vi.useFakeTimers()
    const lru = new ExpiringLru<string, number>(10, 1000)
    lru.set('a', 1)
    vi.advanceTimersByTime(800)
    lru.set('a', 2)
    vi.advanceTimersByTime(800)
    expect(lru.get('a')).toBe(2)
  })
})

describe('createResponseCache', () => {
  const page = (body = '<p>status</p>'): CachedBody => ({ body, headers: { 'content-type': 'text/html' } })
  const setup = () => {
    const state = { version: 'v1' }
    return { state, cache: createResponseCache({ capacity: 10, maxAgeMs: 30_000, version: () => state.version }) }
  }

  it('renders once and serves the entry afterwards', async () => {
    const { cache } = setup()
    const render = vi.fn(async () => page())
    const first = await cache.get('/', render)
    const second = await cache.get('/', render)
    expect(render).toHaveBeenCalledTimes(1)
    expect(first.rendered).toBe(true)
    expect(second).toEqual({ entry: first.entry, rendered: false })
  })

  it('shares one render among concurrent misses', async () => {
    const { cache } = setup()
    let finish!: (value: CachedBody) => void
    const render = vi.fn(() => new Promise<CachedBody>(resolve => (finish = resolve)))
    const lookups = Array.from({ length: 50 }, () => cache.get('/', render))
    finish(page())
    const results = await Promise.all(lookups)
    expect(render).toHaveBeenCalledTimes(1)
    expect(results.filter(r => r.rendered)).toHaveLength(1)
    expect(new Set(results.map(r => r.entry)).size).toBe(1)
  })

  it('renders again after the data version changed', async () => {
    const { cache, state } = setup()
    await cache.get('/', async () => page('<p>old</p>'))
    state.version = 'v2'
    const render = vi.fn(async () => page('<p>new</p>'))
    const { entry, rendered } = await cache.get('/', render)
    expect(rendered).toBe(true)
    expect((await entry!.variant('identity')).body.toString()).toBe('<p>new</p>')
  })

  it('serves but does not keep a page rendered while the version changed', async () => {
    const { cache, state } = setup()
    const first = await cache.get('/', async () => {
      state.version = 'v2'
      return page()
    })
    expect(first.entry).toBeDefined()
    const render = vi.fn(async () => page())
    await cache.get('/', render)
    expect(render).toHaveBeenCalledTimes(1)
  })

  it('keeps nothing for an uncacheable response, and waiters learn so', async () => {
    const { cache } = setup()
    let finish!: (value: undefined) => void
    const leader = cache.get('/', () => new Promise(resolve => (finish = resolve)))
    const waiter = cache.get('/', async () => page())
    finish(undefined)
    expect(await leader).toEqual({ entry: undefined, rendered: true })
    expect(await waiter).toEqual({ entry: undefined, rendered: false })
    expect((await cache.get('/', async () => page())).rendered).toBe(true)
  })

  it('passes a failed render to its caller only, and tries again next time', async () => {
    const { cache } = setup()
    let fail!: (error: Error) => void
    const leader = cache.get('/', () => new Promise((_, reject) => (fail = reject)))
    const waiter = cache.get('/', async () => page())
    fail(new Error('boom'))
    await expect(leader).rejects.toThrow('boom')
    expect(await waiter).toEqual({ entry: undefined, rendered: false })
    expect((await cache.get('/', async () => page())).rendered).toBe(true)
  })

  it('compresses each variant once, with its own tag', async () => {
    const { cache } = setup()
    const html = `<main>${'<p>all systems operational</p>'.repeat(200)}</main>`
    const { entry } = await cache.get('/', async () => page(html))
    const identity = await entry!.variant('identity')
    const br = await entry!.variant('br')
    const gzip = await entry!.variant('gzip')
    expect(await entry!.variant('br')).toBe(br)
    expect(brotliDecompressSync(br.body).toString()).toBe(html)
    expect(gunzipSync(gzip.body).toString()).toBe(html)
    expect(br.body.length).toBeLessThan(identity.body.length / 10)
    expect(new Set([identity.etag, br.etag, gzip.etag]).size).toBe(3)
    expect(identity.etag).toMatch(/^"[\w-]+"$/)
  })

  it('derives the tag from the content', async () => {
    const { cache, state } = setup()
    const tag = async (html: string) => {
      state.version += '+'
      return (await (await cache.get('/', async () => page(html))).entry!.variant('identity')).etag
    }
    expect(await tag('<p>a</p>')).toBe(await tag('<p>a</p>'))
    expect(await tag('<p>a</p>')).not.toBe(await tag('<p>b</p>'))
  })
})
