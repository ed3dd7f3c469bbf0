import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { canonicalPagePath, carriesSecret, isCachedPage, pageCacheKey, pageQueries, type PageRequest } from '../../server/cache/page-key.ts'
import { ByteLru } from '../../server/cache/lru.ts'
import { createResponseCache, staleMs, type CachedBody } from '../../server/cache/response-cache.ts'

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

  it('looks for a file name in the last segment only', () => {
    expect(isCachedPage('GET', '/v1.2/status')).toBe(true)
    expect(isCachedPage('GET', '/status/v1.2')).toBe(false)
    expect(isCachedPage('GET', '/history?day=2026.01.01')).toBe(true)
  })

  // A header-sized path of dots took 137 ms with a pattern run over the whole path, which is
  // quadratic in the dots: a million of them would take hours that way, and take milliseconds now.
  it.each([16_000, 1_000_000])('classifies a path of %i dots', (dots) => {
    expect(isCachedPage('GET', `/${'.'.repeat(dots)}`)).toBe(false)
    expect(isCachedPage('GET', `/${'.'.repeat(dots)}/page`)).toBe(true)
  })

  it.each(['/subscriptions/manage?token=abc', '/subscriptions/confirm?saved=1&token=abc', '/?token='])('never caches %s, whose query carries a secret', (path) => {
    expect(carriesSecret(path)).toBe(true)
    expect(isCachedPage('GET', path)).toBe(false)
  })

  it.each(['/subscribe', '/subscriptions/sent', '/?tokens=1', '/history?component=token'])('sees no secret in %s', (path) => {
    expect(carriesSecret(path)).toBe(false)
  })
})

describe('canonicalPagePath', () => {
  it('drops the query of pages that read none', () => {
    expect(canonicalPagePath('/?x=1')).toBe('/')
    expect(canonicalPagePath(`/?x=${crypto.randomUUID()}&utm_source=mail`)).toBe('/')
    expect(canonicalPagePath('/incidents/abc?at=now')).toBe('/incidents/abc')
    expect(canonicalPagePath('/components/abc')).toBe('/components/abc')
  })

  it('keeps what the history page reads, in one spelling', () => {
    expect(canonicalPagePath('/history?page=2&component=c1&x=1')).toBe('/history?component=c1&page=2')
    expect(canonicalPagePath('/history?page=02&day=2026-11-03')).toBe('/history?day=2026-11-03&page=2')
    expect(canonicalPagePath('/history?page=1&day=yesterday&component=')).toBe('/history')
    expect(canonicalPagePath('/history?d%61y=2026-11-03')).toBe('/history?day=2026-11-03')
    expect(canonicalPagePath('/History/?page=3')).toBe('/History/?page=3')
    expect(canonicalPagePath('/history')).toBe('/history')
  })

  it('keeps what the subscription pages read, in one spelling', () => {
    expect(canonicalPagePath('/subscribe?x=1&error=timeZone&error=email&error=email&error=nonsense')).toBe('/subscribe?error=email&error=timeZone')
    expect(canonicalPagePath('/subscriptions/manage?saved=1&utm_source=mail')).toBe('/subscriptions/manage?saved=1')
    expect(canonicalPagePath('/subscriptions/confirm?saved=yes')).toBe('/subscriptions/confirm')
  })

  it('reads repeated parameters as the page does', () => {
    // The router hands the page a list, which is no day and no valid page number.
    expect(canonicalPagePath('/history?day=2026-11-03&day=2026-11-04&page=2&page=3')).toBe('/history?page=2')
  })

  // The key must cover every parameter a page reads, or two different pages would share one entry.
  it('knows every query parameter that a public page reads', () => {
    const pagesDir = new URL('../../pages/', import.meta.url).pathname
    const publicPages = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
      entry.isDirectory() ? entry.name === 'admin' ? [] : publicPages(join(dir, entry.name)) : [join(dir, entry.name)])
    for (const file of publicPages(pagesDir)) {
      const source = readFileSync(file, 'utf8')
      const reads = [...source.matchAll(/route\.query\.(\w+)|\w+\(route\.query\)/g)]
      if (!reads.length) continue
      const route = `/${file.slice(pagesDir.length).replace(/\.vue$/, '').replace(/(^|\/)index$/, '')}`
      expect(pageQueries[route], `${route} reads its query`).toBeDefined()
    }
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
      key({ cookies: { palette: 'colorblind' } }),
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
    expect(key({ host: 'a","b' })).not.toBe(key({ host: 'a', path: 'b' }))
  })

  it('keys display cookies by what the page makes of them', () => {
    expect(key({ cookies: { theme: 'no-such-theme', palette: crypto.randomUUID() } })).toBe(key())
    expect(key({ cookies: { theme: 'system', palette: 'standard', tz: 'UTC' } })).toBe(key())
    expect(key({ cookies: { tz: 'Not/A_Zone' } })).toBe(key())
    expect(key({ cookies: { tz: 'Europe/Berlin' } })).not.toBe(key())
  })
})

describe('ByteLru', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('keeps the entries within its bytes, dropping the least recently used first', () => {
    const lru = new ByteLru<string, number>(100, 60_000, 0.5)
    lru.set('a', 1, 40)
    lru.set('b', 2, 40)
    lru.set('c', 3, 40)
    expect(lru.peek('a')).toBeUndefined()
    expect(lru.bytes).toBe(80)
    lru.set('d', 4, 100)
    expect([lru.peek('b'), lru.peek('c'), lru.peek('d')]).toEqual([undefined, undefined, 4])
    lru.set('e', 5, 101)
    expect(lru.peek('e')).toBeUndefined()
    expect(lru.bytes).toBeLessThanOrEqual(100)
  })

  it('keeps entries asked for again while a flood of new keys passes through', () => {
    const lru = new ByteLru<string, string>(1000, 60_000)
    lru.set('/', 'home', 300)
    lru.set('/history', 'history', 300)
    expect(lru.get('/')).toBe('home')
    expect(lru.get('/history')).toBe('history')
    for (let i = 0; i < 10_000; i++) lru.set(`/?x=${i}`, 'flood', 100)
    expect(lru.get('/')).toBe('home')
    expect(lru.get('/history')).toBe('history')
    expect(lru.bytes).toBeLessThanOrEqual(1000)
  })

  it('moves a protected entry that is used again to the recent end of its segment', () => {
    // Protected may hold 60 bytes: three entries of 20.
    const lru = new ByteLru<string, string>(100, 60_000, 0.6)
    for (const key of ['a', 'b', 'c']) {
      lru.set(key, key, 20)
      lru.get(key)
    }
    expect(lru.get('a')).toBe('a')
    // A fourth protected entry pushes the least recently used one, now 'b', back to probation,
    // where the next new keys drop it first.
    lru.set('d', 'd', 20)
    lru.get('d')
    lru.set('x', 'x', 20)
    lru.set('y', 'y', 20)
    expect(['a', 'b', 'c', 'd'].map(key => lru.peek(key))).toEqual(['a', undefined, 'c', 'd'])
    expect(lru.bytes).toBe(100)
  })

  it('counts a set of a known key as a use, and an entry that grows', () => {
    const lru = new ByteLru<string, string>(1000, 60_000)
    lru.set('/', 'v1', 300)
    lru.set('/', 'v2', 300)
    for (let i = 0; i < 100; i++) lru.set(`/?x=${i}`, 'flood', 100)
    expect(lru.peek('/')).toBe('v2')
    lru.resize('/', 'v1', 900)
    expect(lru.bytes).toBeLessThanOrEqual(1000)
    expect(lru.peek('/')).toBe('v2')
    lru.resize('/', 'v2', 1001)
    expect(lru.peek('/')).toBeUndefined()
  })

  it('forgets entries after their maximum age', () => {
    vi.useFakeTimers()
    const lru = new ByteLru<string, number>(1000, 30_000)
    lru.set('a', 1, 1)
    vi.advanceTimersByTime(29_999)
    expect(lru.get('a')).toBe(1)
    vi.advanceTimersByTime(1)
    expect(lru.get('a')).toBeUndefined()
    expect(lru.size).toBe(0)
    expect(lru.bytes).toBe(0)
  })
})

describe('createResponseCache', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  const page = (body = '<p>status</p>'): CachedBody => ({ body, headers: { 'content-type': 'text/html' } })
  const text = async (lookup: { entry?: { variant: (e: 'identity') => Promise<{ body: Buffer }> } }) => (await lookup.entry!.variant('identity')).body.toString()
  const setup = (maxAgeMs = 30_000) => {
    const state = { version: 1 }
    return { state, cache: createResponseCache({ maxBytes: 1 << 20, maxAgeMs, version: () => state.version }) }
  }
  /** A render that the test finishes: `finish(body)`. */
  const pending = () => {
    let finish!: (body: string) => void
    const render = vi.fn(() => new Promise<CachedBody>(resolve => (finish = body => resolve(page(body)))))
    return { render, finish: (body: string) => finish(body) }
  }

  it('renders once and serves the entry afterwards', async () => {
    const { cache } = setup()
    const render = vi.fn(async () => page())
    const first = await cache.get('/', render)
    const second = await cache.get('/', render)
    expect(render).toHaveBeenCalledTimes(1)
    expect(first.rendered).toBe(true)
    expect(second).toEqual({ entry: first.entry, rendered: false, stale: false })
  })

  it('shares one render among concurrent misses', async () => {
    const { cache } = setup()
    const { render, finish } = pending()
    const lookups = Array.from({ length: 50 }, () => cache.get('/', render))
    finish('<p>status</p>')
    const results = await Promise.all(lookups)
    expect(render).toHaveBeenCalledTimes(1)
    expect(results.filter(r => r.rendered)).toHaveLength(1)
    expect(new Set(results.map(r => r.entry)).size).toBe(1)
  })

  it('serves the entry from before a write for up to a second, without rendering', async () => {
    vi.useFakeTimers()
    const { cache, state } = setup()
    await cache.get('/', async () => page('<p>old</p>'))
    vi.advanceTimersByTime(500)
    state.version = 2
    const render = vi.fn(async () => page('<p>new</p>'))
    const during = await cache.get('/', render)
    expect(during.stale).toBe(true)
    expect(await text(during)).toBe('<p>old</p>')
    expect(render).not.toHaveBeenCalled()
    vi.advanceTimersByTime(500)
    const after = await cache.get('/', render)
    expect(after.rendered).toBe(true)
    expect(await text(after)).toBe('<p>new</p>')
  })

  it('renders at most once a second per key while writes keep coming', async () => {
    vi.useFakeTimers()
    const { cache, state } = setup()
    const render = vi.fn(async () => page(`<p>${state.version}</p>`))
    for (let ms = 0; ms < 5000; ms += 10) {
      if (ms % 200 === 0) state.version++
      await cache.get('/', render)
      vi.advanceTimersByTime(10)
    }
    expect(render.mock.calls.length).toBeGreaterThanOrEqual(4)
    expect(render.mock.calls.length).toBeLessThanOrEqual(6)
  })

  it('while one request renders after a write, the others get the previous entry', async () => {
    vi.useFakeTimers()
    const { cache, state } = setup()
    await cache.get('/', async () => page('<p>old</p>'))
    vi.advanceTimersByTime(staleMs)
    state.version = 2
    const { render, finish } = pending()
    const renderer = cache.get('/', render)
    const others = await Promise.all(Array.from({ length: 20 }, () => cache.get('/', render)))
    expect(render).toHaveBeenCalledTimes(1)
    expect(others.every(other => other.stale)).toBe(true)
    finish('<p>new</p>')
    expect(await text(await renderer)).toBe('<p>new</p>')
    expect(await cache.get('/', render)).toMatchObject({ rendered: false, stale: false })
  })

  it('makes a request wait for the render once the entry is two seconds behind', async () => {
    vi.useFakeTimers()
    const { cache, state } = setup()
    await cache.get('/', async () => page('<p>old</p>'))
    vi.advanceTimersByTime(staleMs)
    state.version = 2
    const { render, finish } = pending()
    const renderer = cache.get('/', render)
    vi.advanceTimersByTime(staleMs)
    let waited = false
    const late = cache.get('/', render).then((lookup) => {
      waited = true
      return lookup
    })
    await Promise.resolve()
    expect(waited).toBe(false)
    finish('<p>new</p>')
    expect(await text(await late)).toBe('<p>new</p>')
    expect((await renderer).rendered).toBe(true)
  })

  it('serves an expired entry while one request renders, and waits without one', async () => {
    vi.useFakeTimers()
    const { cache } = setup(1000)
    await cache.get('/', async () => page('<p>old</p>'))
    vi.advanceTimersByTime(1000)
    const { render, finish } = pending()
    const renderer = cache.get('/', render)
    expect(await cache.get('/', render)).toMatchObject({ stale: true })
    finish('<p>new</p>')
    expect((await renderer).rendered).toBe(true)
    vi.advanceTimersByTime(1000)
    expect(await cache.get('/', async () => page('<p>newer</p>'))).toMatchObject({ rendered: true })
  })

  it('gives a request with a floor nothing older, and keeps what was rendered meanwhile', async () => {
    vi.useFakeTimers()
    const { cache, state } = setup()
    await cache.get('/', async () => page('<p>v1</p>'))
    state.version = 2
    expect((await cache.get('/', async () => page('<p>v2</p>'))).stale).toBe(true)
    const fresh = await cache.get('/', async () => page('<p>v2</p>'), 2)
    expect(fresh.rendered).toBe(true)
    expect(await text(fresh)).toBe('<p>v2</p>')
    expect(await cache.get('/', async () => page('<p>v3</p>'), 2)).toMatchObject({ rendered: false, stale: false })
  })

  it('hands the render the version it starts at, and keeps a render that a write overtook', async () => {
    const { cache, state } = setup()
    const first = await cache.get('/', async (version) => {
      state.version = 2
      return page(`<p>${version}</p>`)
    })
    expect(await text(first)).toBe('<p>1</p>')
    const render = vi.fn(async () => page())
    expect(await cache.get('/', render)).toMatchObject({ entry: first.entry, stale: true })
    expect(render).not.toHaveBeenCalled()
  })

  it('keeps nothing for an uncacheable response, and waiters learn so', async () => {
    const { cache } = setup()
    let finish!: (value: undefined) => void
    const leader = cache.get('/', () => new Promise(resolve => (finish = resolve)))
    const waiter = cache.get('/', async () => page())
    finish(undefined)
    expect(await leader).toEqual({ entry: undefined, rendered: true, stale: false })
    expect(await waiter).toEqual({ entry: undefined, rendered: false, stale: false })
    expect((await cache.get('/', async () => page())).rendered).toBe(true)
  })

  it('passes a failed render to its caller only, and tries again next time', async () => {
    const { cache } = setup()
    let fail!: (error: Error) => void
    const leader = cache.get('/', () => new Promise((_, reject) => (fail = reject)))
    const waiter = cache.get('/', async () => page())
    fail(new Error('boom'))
    await expect(leader).rejects.toThrow('boom')
    expect(await waiter).toEqual({ entry: undefined, rendered: false, stale: false })
    expect((await cache.get('/', async () => page())).rendered).toBe(true)
  })

  it('compresses each variant quickly first, then thoroughly in the background, with one tag', async () => {
    const { cache } = setup()
    const html = `<main>${Array.from({ length: 400 }, (_, i) => `<p>component ${i} is ${i % 7 ? 'operational' : 'degraded'}</p>`).join('')}</main>`
    const { entry } = await cache.get('/', async () => page(html))
    await cache.get('/', async () => page(html))
    const identity = await entry!.variant('identity')
    const quick = await entry!.variant('br')
    const gzip = await entry!.variant('gzip')
    expect(brotliDecompressSync(quick.body).toString()).toBe(html)
    expect(gunzipSync(gzip.body).toString()).toBe(html)
    expect(new Set([identity.etag, quick.etag, gzip.etag]).size).toBe(3)
    expect(identity.etag).toMatch(/^"[\w-]+"$/)
    // A second later, still in use: compressed thoroughly.
    await vi.waitFor(async () => expect((await entry!.variant('br')).body.length).toBeLessThan(quick.body.length), { timeout: 5000 })
    const thorough = await entry!.variant('br')
    expect(brotliDecompressSync(thorough.body).toString()).toBe(html)
    expect(thorough.etag).toBe(quick.etag)
    expect(thorough.body.length).toBeLessThan(identity.body.length / 10)
  })

  it('keeps only the variants asked for, and decodes one for another', async () => {
    const { cache } = setup()
    const html = `<main>${Array.from({ length: 400 }, (_, i) => `<p>component ${i} is ${i % 7 ? 'operational' : 'degraded'}</p>`).join('')}</main>`
    const { entry } = await cache.get('/', async () => page(html))
    const sizes: number[] = []
    entry!.onResize(() => sizes.push(entry!.bytes()))
    expect(entry!.bytes()).toBeGreaterThan(html.length)
    const brotli = await entry!.variant('br')
    // The rendered body is let go: the entry weighs its brotli copy and its bookkeeping.
    expect(entry!.bytes()).toBe(brotli.body.length + 1024)
    expect(sizes).toEqual([entry!.bytes()])
    // Those asked for later come from the brotli copy, and each is kept from then on.
    expect(gunzipSync((await entry!.variant('gzip')).body).toString()).toBe(html)
    const identity = await entry!.variant('identity')
    expect(identity.body.toString()).toBe(html)
    expect(await entry!.variant('identity')).toBe(identity)
    expect(entry!.bytes()).toBeGreaterThan(html.length)
    expect(sizes).toHaveLength(3)
  })

  it.each([
    ['a write replaced meanwhile', true, true],
    ['nobody asked for again', false, false],
  ])('does not compress thoroughly what %s', async (_, askAgain, write) => {
    vi.useFakeTimers()
    const { cache, state } = setup()
    const html = `<main>${'<p>all systems operational</p>'.repeat(200)}</main>`
    const { entry } = await cache.get('/', async () => page(html))
    if (askAgain) await cache.get('/', async () => page(html))
    const quick = await entry!.variant('br')
    if (write) state.version = 2
    await vi.advanceTimersByTimeAsync(staleMs)
    vi.useRealTimers()
    await new Promise(resolve => setTimeout(resolve, 200))
    expect(await entry!.variant('br')).toBe(quick)
  })

  it('derives the tag from the content', async () => {
    const { cache, state } = setup()
    const tag = async (html: string) => {
      state.version++
      return (await (await cache.get('/', async () => page(html), state.version)).entry!.variant('identity')).etag
    }
    expect(await tag('<p>a</p>')).toBe(await tag('<p>a</p>'))
    expect(await tag('<p>a</p>')).not.toBe(await tag('<p>b</p>'))
  })
})
