import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startApp, type App } from '../support/app'
import { del, post } from './client'
import { openEvents } from './events'

interface RawReply {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

/**
 * A GET with exactly these headers, its body as sent (fetch would decompress it). `from` is the
 * local address to send from: another client than the tests' usual 127.0.0.1.
 */
function raw(path: string, headers: Record<string, string> = {}, base = inject('baseUrl'), method = 'GET', from?: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    httpRequest(new URL(path, base), { method, headers, localAddress: from }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject).end()
  })
}

// A page no other test has rendered, so its first GET is a miss: the history page reads its
// `component` parameter (a component that does not exist shows no incidents).
const fresh = (name: string) => `/history?component=${name}-${crypto.randomUUID()}`

/** Another client, which has not written anything. */
const otherClient = '127.0.0.2'

const createComponent = async () => {
  const reply = await post('/api/components', { displayName: `Cache ${crypto.randomUUID()}` })
  expect(reply.status).toBe(201)
  return reply.body.id as string
}

describe('page cache', () => {
  it('serves the second GET from the cache, with the same ETag', async () => {
    const path = fresh('hit')
    const first = await raw(path)
    const second = await raw(path)
    expect(first.status).toBe(200)
    expect(first.headers['x-cache']).toBe('miss')
    expect(second.headers['x-cache']).toBe('hit')
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/)
    expect(second.headers.etag).toBe(first.headers.etag)
    expect(second.body.equals(first.body)).toBe(true)
    expect(first.body.toString()).toMatch(/^<!DOCTYPE html>/)
    expect(second.headers['content-type']).toMatch(/^text\/html/)
    expect(second.headers['cache-control']).toMatch(/must-revalidate/)
    expect(second.headers.vary).toBe('Cookie, Accept-Language, Accept-Encoding')
  })

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const path = fresh('conditional')
    const { headers } = await raw(path)
    const notModified = await raw(path, { 'if-none-match': headers.etag! })
    expect(notModified.status).toBe(304)
    expect(notModified.body.length).toBe(0)
    expect(notModified.headers.etag).toBe(headers.etag)
    expect((await raw(path, { 'if-none-match': '"something-else"' })).status).toBe(200)
  })

  it('renders anew after a write through the API', async () => {
    const path = fresh('write')
    const before = await raw(path)
    expect((await raw(path)).headers['x-cache']).toBe('hit')
    await createComponent()
    const after = await raw(path)
    expect(after.headers['x-cache']).toBe('miss')
    // The tag follows the content: new HTML, new tag; the same HTML, the same tag.
    expect(after.headers.etag === before.headers.etag).toBe(after.body.equals(before.body))
    expect((await raw(path)).headers['x-cache']).toBe('hit')
  })

  it('keys a page by the query parameters it reads, not by others', async () => {
    const path = fresh('query')
    expect((await raw(path)).headers['x-cache']).toBe('miss')
    expect((await raw(`${path}&x=${crypto.randomUUID()}`)).headers['x-cache']).toBe('hit')
    expect((await raw(`${path}&page=1&utm_source=mail`)).headers['x-cache']).toBe('hit')
    await raw('/')
    expect((await raw(`/?x=${crypto.randomUUID()}`)).headers['x-cache']).toBe('hit')
    expect((await raw(`${path}&page=2`)).headers['x-cache']).toBe('miss')
  })

  it('renders with the query it is keyed by, so another visitor\'s parameters do not show', async () => {
    const marker = `marker${crypto.randomUUID().replaceAll('-', '')}`
    const path = fresh('leak')
    const first = await raw(`${path}&${marker}=1`)
    expect(first.headers['x-cache']).toBe('miss')
    expect(first.body.toString()).not.toContain(marker)
    expect(first.body.toString()).toContain(path.slice('/history?component='.length))
  })

  it('after a write, serves others the previous page while the writer sees the new one', async () => {
    const path = fresh('stale')
    const before = await raw(path)
    await createComponent()
    const other = await raw(path, {}, undefined, 'GET', otherClient)
    expect(other.headers['x-cache']).toBe('stale')
    expect(other.body.equals(before.body)).toBe(true)
    const writer = await raw(path)
    expect(writer.headers['x-cache']).toBe('miss')
    expect(writer.body.equals(before.body)).toBe(false)
    expect((await raw(path, {}, undefined, 'GET', otherClient)).headers['x-cache']).toBe('hit')
  })

  it('serves a request that names a newer data version a page at least that new', async () => {
    const path = fresh('named-version')
    const events = await openEvents()
    try {
      await events.next('version')
      await raw(path, {}, undefined, 'GET', otherClient)
      await createComponent()
      const version = await events.next('change', 1000)
      const stale = await raw(path, {}, undefined, 'GET', otherClient)
      expect(stale.headers['x-cache']).toBe('stale')
      const named = await raw(path, { 'x-data-version': version }, undefined, 'GET', otherClient)
      expect(named.headers['x-cache']).toBe('miss')
      expect(named.body.toString()).toContain(version)
    }
    finally {
      events.close()
    }
  })

  it('shows a write to everyone within about a second', async () => {
    const path = fresh('bound')
    await raw(path, {}, undefined, 'GET', otherClient)
    await createComponent()
    const wrote = Date.now()
    let reply: RawReply
    do {
      reply = await raw(path, {}, undefined, 'GET', otherClient)
    } while (reply.headers['x-cache'] === 'stale' && Date.now() - wrote < 3000)
    expect(reply.headers['x-cache']).toBe('miss')
    expect(Date.now() - wrote).toBeLessThan(1500)
  })

  it('sends brotli or gzip as accepted, each decompressing to the same HTML', async () => {
    const path = fresh('encoding')
    const plain = await raw(path)
    const br = await raw(path, { 'accept-encoding': 'gzip, deflate, br' })
    const gzip = await raw(path, { 'accept-encoding': 'gzip' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(br.headers['content-encoding']).toBe('br')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true)
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true)
    expect(br.body.length).toBeLessThan(plain.body.length)
    expect(new Set([plain.headers.etag, br.headers.etag, gzip.headers.etag]).size).toBe(3)
    expect(br.headers['x-cache']).toBe('hit')
    const notModified = await raw(path, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! })
    expect(notModified.status).toBe(304)
  })

  it('keeps a separate entry per locale, and Accept-Language picks one without the cookie', async () => {
    const path = fresh('locale')
    expect((await raw(path, { cookie: 'locale=en' })).headers['x-cache']).toBe('miss')
    expect((await raw(path, { cookie: 'locale=de' })).headers['x-cache']).toBe('miss')
    expect((await raw(path, { cookie: 'locale=en; other=1' })).headers['x-cache']).toBe('hit')
    expect((await raw(path, { 'accept-language': 'de-DE,de;q=0.9' })).headers['x-cache']).toBe('hit')
    expect((await raw(path, { cookie: 'locale=de; theme=dark' })).headers['x-cache']).toBe('miss')
  })

  it('answers HEAD from the cache too', async () => {
    const path = fresh('head')
    const get = await raw(path)
    const head = await raw(path, {}, undefined, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers['x-cache']).toBe('hit')
    expect(head.headers.etag).toBe(get.headers.etag)
    expect(head.body.length).toBe(0)
  })

  it('leaves the admin area, error pages and health checks alone', async () => {
    for (const path of ['/admin', '/admin', '/no-such-page', '/healthz']) {
      const reply = await raw(path)
      expect(reply.headers['x-cache'], path).toBeUndefined()
      expect(reply.headers.etag, path).toBeUndefined()
    }
  })
})

describe('API read cache', () => {
  it('answers a repeated read from memory, with an ETag that a client can revalidate', async () => {
    const path = `/api/components?at=${new Date().toISOString()}`
    const first = await raw(path)
    const second = await raw(path)
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['miss', 'hit'])
    expect(second.headers.etag).toBe(first.headers.etag)
    expect(second.headers['cache-control']).toMatch(/s-maxage=1\b/)
    expect(second.body.equals(first.body)).toBe(true)
    const revalidated = await raw(path, { 'if-none-match': first.headers.etag! })
    expect(revalidated.status).toBe(304)
    expect(revalidated.body.length).toBe(0)
    const br = await raw(path, { 'accept-encoding': 'br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.body).equals(first.body)).toBe(true)
  })

  it('answers from the database again after any write', async () => {
    const path = '/api/components'
    await raw(path)
    const before = await raw(path)
    expect(before.headers['x-cache']).toBe('hit')
    const id = await createComponent()
    const after = await raw(path)
    expect(after.headers['x-cache']).toBe('miss')
    expect(after.headers.etag).not.toBe(before.headers.etag)
    expect(JSON.parse(after.body.toString()).data.map((c: { id: string }) => c.id)).toContain(id)
  })

  it('follows the clock: an incident that begins shows within about a second, with no write', async () => {
    const component = await createComponent()
    const type = (await post('/api/impacttypes', { displayName: `Cache type ${crypto.randomUUID()}` })).body.id
    const beganAt = Date.now() + 1500
    const incident = await post('/api/incidents', {
      displayName: 'Starts by the clock',
      beganAt: new Date(beganAt).toISOString(),
      affects: [{ reference: component, type, severity: 50 }],
    })
    expect(incident.status).toBe(201)
    const activeIncidents = async () => JSON.parse((await raw(`/api/components/${component}`)).body.toString()).data.activelyAffectedBy
      .map((impact: { reference: string }) => impact.reference)
    expect(await activeIncidents()).toEqual([])
    await new Promise(resolve => setTimeout(resolve, beganAt + 1100 - Date.now()))
    expect(await activeIncidents()).toEqual([incident.body.id])
    // An incident left active would count in other files' tallies (the metrics' severity gauges).
    expect((await del(`/api/incidents/${incident.body.id}`)).status).toBe(204)
  })

  it('keys a read by its parsed query: unknown parameters and other spellings share an entry', async () => {
    const day = new Date(Date.UTC(2001, 0, 1 + Math.floor(Math.random() * 9000))).toISOString().slice(0, 10)
    const window = (start: string, end: string) => `/api/incidents?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`
    const first = await raw(window(`${day}T00:00:00Z`, `${day}T12:00:00Z`))
    expect(first.headers['x-cache']).toBe('miss')
    const same = [
      window(`${day}T00:00:00.000Z`, `${day}T12:00:00Z`),
      `${window(`${day}T01:00:00+01:00`, `${day}T12:00:00.000Z`)}&x=${crypto.randomUUID()}`,
      `/api/incidents?end=${day}T12:00:00Z&start=${day}T00:00:00Z`,
    ]
    for (const path of same) expect((await raw(path)).headers['x-cache'], path).toBe('hit')
    expect((await raw(window(`${day}T00:00:00.001Z`, `${day}T12:00:00Z`))).headers['x-cache']).toBe('miss')
    const at = new Date().toISOString()
    await raw(`/api/components?at=${at}`)
    expect((await raw(`/api/components?at=${at}&cachebuster=${crypto.randomUUID()}`)).headers['x-cache']).toBe('hit')
  })

  it('serves another client the answer from before a write for about a second, the writer the new one', async () => {
    const path = '/api/components'
    await raw(path)
    const id = await createComponent()
    const other = await raw(path, {}, undefined, 'GET', otherClient)
    expect(other.headers['x-cache']).toBe('stale')
    expect(other.body.toString()).not.toContain(id)
    expect((await raw(path)).body.toString()).toContain(id)
  })

  it('does not keep errors', async () => {
    const reply = await raw(`/api/components/${crypto.randomUUID()}`)
    expect(reply.status).toBe(404)
    expect(reply.headers['x-cache']).toBeUndefined()
    expect(reply.headers.etag).toBeUndefined()
  })
})

// A current hit is answered before h3's middleware runs (server/cache/early-hit.ts), with the
// headers the middleware and the cached read would have sent.
describe('API read cache: hits answered early', () => {
  const withoutDate = ({ headers }: RawReply) => {
    const { date: _date, ...rest } = headers
    return rest
  }

  it('sends a hit with the headers of the slower way to the same entry', async () => {
    const path = `/api/components?at=${new Date(Date.now() - Math.floor(Math.random() * 1e9)).toISOString()}`
    // The miss goes all the way, and so does the first hit in an encoding not yet made.
    const miss = await raw(path)
    const hit = await raw(path)
    const firstBrotli = await raw(path, { 'accept-encoding': 'br' })
    const brotli = await raw(path, { 'accept-encoding': 'br' })
    expect([miss, hit, firstBrotli, brotli].map(reply => reply.headers['x-cache'])).toEqual(['miss', 'hit', 'hit', 'hit'])
    expect(withoutDate(hit)).toEqual({ ...withoutDate(miss), 'x-cache': 'hit' })
    expect(hit.body.equals(miss.body)).toBe(true)
    expect(withoutDate(brotli)).toEqual(withoutDate(firstBrotli))
    expect(brotli.body.equals(firstBrotli.body)).toBe(true)
    const revalidated = await raw(path, { 'if-none-match': hit.headers.etag! })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers['x-content-type-options']).toBe('nosniff')
    expect(revalidated.headers.vary).toBe(hit.headers.vary)
  })

  it('sends the reads that depend on the public origin as the cache made them', async () => {
    for (const path of ['/api/v2/summary.json', '/feed.atom', '/badge.svg']) {
      const first = await raw(path)
      const second = await raw(path)
      expect(second.headers['x-cache'], path).toBe('hit')
      expect({ ...withoutDate(second), 'x-cache': 'hit' }, path).toEqual({ ...withoutDate(first), 'x-cache': 'hit' })
    }
  })

  it('answers a request with a body, or a HEAD, the whole way with the same answer', async () => {
    const path = '/api/components'
    await raw(path)
    const hit = await raw(path)
    expect(hit.headers['x-cache']).toBe('hit')
    const withBody = await raw(path, { 'content-length': '0' })
    expect(withBody.status).toBe(200)
    expect(withBody.body.equals(hit.body)).toBe(true)
    const head = await raw(path, {}, undefined, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.etag).toBe(hit.headers.etag)
    expect(head.body.length).toBe(0)
  })
})

// Reads that vary by the caller's origin say so in Vary, next to Accept-Encoding, on every answer.
describe.skipIf(inject('database') === 'postgres')('API read cache with one allowed origin', () => {
  let app: App
  const origin = 'https://status.example'

  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: 'memory://', STATUS_PAGE_CORS_ORIGIN: origin })
  }, 120_000)

  afterAll(() => app.stop())

  it('names Origin and Accept-Encoding in Vary on misses, hits and 304s', async () => {
    const replies = [await raw('/api/components', {}, app.base), await raw('/api/components', {}, app.base)]
    replies.push(await raw('/api/components', { 'if-none-match': replies[0]!.headers.etag! }, app.base))
    expect(replies.map(reply => [reply.status, reply.headers['x-cache']])).toEqual([[200, 'miss'], [200, 'hit'], [304, 'hit']])
    for (const reply of replies) {
      expect(reply.headers['access-control-allow-origin']).toBe(origin)
      expect(reply.headers.vary).toBe('Origin, Accept-Encoding')
    }
  })
})

describe('API compression', () => {
  it('compresses JSON over 1 KB when accepted', async () => {
    const reply = await raw('/api/openapi.json', { 'accept-encoding': 'gzip' })
    expect(reply.headers['content-encoding']).toBe('gzip')
    expect(reply.headers['content-type']).toMatch(/^application\/json/)
    expect(reply.headers.vary).toMatch(/Accept-Encoding/)
    expect(JSON.parse(gunzipSync(reply.body).toString()).openapi).toBe('3.0.3')
    const br = await raw('/api/openapi.json', { 'accept-encoding': 'br' })
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(JSON.parse(gunzipSync(reply.body).toString()))
  })

  it('leaves small bodies and clients without Accept-Encoding alone', async () => {
    const small = await raw('/api/components/not-a-uuid', { 'accept-encoding': 'br' })
    expect(small.status).toBe(400)
    expect(small.headers['content-encoding']).toBeUndefined()
    expect(small.headers['content-type']).toMatch(/^application\/problem\+json/)
    const plain = await raw('/api/openapi.json')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(plain.body.toString()).openapi).toBe('3.0.3')
  })
})

describe('GET /api/events', () => {
  it('sends the version on connect and a change within a second of a write', async () => {
    const events = await openEvents()
    try {
      expect(events.response.headers.get('content-type')).toMatch(/^text\/event-stream/)
      const version = await events.next('version')
      const wrote = Date.now()
      await createComponent()
      const changed = await events.next('change', 1000)
      expect(Date.now() - wrote).toBeLessThan(1000)
      expect(changed).not.toBe(version)
    }
    finally {
      events.close()
    }
  })

  it('announces nothing for reads or refused writes', async () => {
    const events = await openEvents()
    try {
      await events.next('version')
      await raw('/api/components')
      expect((await post('/api/components', { displayName: '' })).status).toBe(400)
      await expect(events.next('change', 500)).rejects.toThrow(/no change event/)
    }
    finally {
      events.close()
    }
  })
})

// With PostgreSQL a second instance on the same database must hear of writes made on the first.
describe.runIf(inject('database') === 'postgres')('a second instance', () => {
  let second: App

  beforeAll(async () => {
    second = await startApp({ DATABASE_URL: inject('databaseUrl') })
  }, 180_000)

  afterAll(() => second.stop())

  it('drops its cached pages and tells its clients after a write on the first', async () => {
    const path = fresh('instances')
    await raw(path, {}, second.base)
    expect((await raw(path, {}, second.base)).headers['x-cache']).toBe('hit')
    const events = await openEvents(second.base)
    try {
      await events.next('version')
      await createComponent()
      const version = await events.next('change', 1000)
      // It does not know who wrote: others may get the page from before for a second, but a page
      // that was told of the change, and refetches naming it, gets the new one.
      expect((await raw(path, { 'x-data-version': version }, second.base)).headers['x-cache']).toBe('miss')
    }
    finally {
      events.close()
    }
  })
})
