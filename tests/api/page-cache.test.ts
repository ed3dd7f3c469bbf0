import { spawn, type ChildProcess } from 'node:child_process'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { createServer } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { post } from './client'

interface RawReply {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

/** A GET with exactly these headers, its body as sent (fetch would decompress it). */
function raw(path: string, headers: Record<string, string> = {}, base = inject('baseUrl'), method = 'GET'): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    httpRequest(new URL(path, base), { method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject).end()
  })
}

// A path no other test has rendered, so its first GET is a miss.
const fresh = (name: string) => `/?test=${name}-${crypto.randomUUID()}`

const createComponent = async () => {
  const reply = await post('/api/components', { displayName: `Cache ${crypto.randomUUID()}` })
  expect(reply.status).toBe(201)
  return reply.body.id as string
}

/** Reads /api/events with fetch and hands out its events by name. */
async function openEvents(base = inject('baseUrl')) {
  const abort = new AbortController()
  const response = await fetch(`${base}/api/events`, { signal: abort.signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  const parse = (block: string) => Object.fromEntries(block.split('\n').map(line => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]))

  /** The data of the next event called `name`, skipping others; rejects after `timeoutMs`. */
  async function next(name: string, timeoutMs = 5000): Promise<string> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${name} event within ${timeoutMs} ms`)), timeoutMs)))
    try {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const event = parse(buffer.slice(0, end))
          buffer = buffer.slice(end + 2)
          if (event.event === name) return event.data!
          continue
        }
        const { value, done } = await Promise.race([reader.read(), timeout])
        if (done) throw new Error('the event stream ended')
        buffer += value
      }
    }
    finally {
      clearTimeout(timer)
    }
  }
  return { response, next, close: () => abort.abort() }
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
  })

  it('does not keep errors', async () => {
    const reply = await raw(`/api/components/${crypto.randomUUID()}`)
    expect(reply.status).toBe(404)
    expect(reply.headers['x-cache']).toBeUndefined()
    expect(reply.headers.etag).toBeUndefined()
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
  let server: ChildProcess
  let base: string

  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number }
        probe.close(() => resolve(port))
      })
    })
    base = `http://127.0.0.1:${port}`
    server = spawn(process.execPath, ['.output/server/index.mjs'], {
      cwd: new URL('../../', import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: inject('databaseUrl'), STATUS_PAGE_DEMO: 'false', HOST: '127.0.0.1', PORT: String(port) },
      stdio: 'ignore',
    })
    for (let i = 0; i < 300 && !(await fetch(`${base}/readyz`).then(r => r.ok, () => false)); i++) {
      await new Promise(resolve => setTimeout(resolve, 100))
    }
  })

  afterAll(async () => {
    server.kill('SIGTERM')
    await new Promise(resolve => server.once('exit', resolve))
  })

  it('drops its cached pages and tells its clients after a write on the first', async () => {
    const path = fresh('instances')
    await raw(path, {}, base)
    expect((await raw(path, {}, base)).headers['x-cache']).toBe('hit')
    const events = await openEvents(base)
    try {
      await events.next('version')
      await createComponent()
      await events.next('change', 1000)
      expect((await raw(path, {}, base)).headers['x-cache']).toBe('miss')
    }
    finally {
      events.close()
    }
  })
})
