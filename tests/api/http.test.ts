import { describe, expect, inject, it } from 'vitest'
import { buildOpenApiDocument } from '../../openapi/document'
import { operationsOf, scsDocument, type OpenApiDocument } from '../support/openapi'
import { expectProblem, expectResponse, get, request, tokens, type Reply } from './client'
import { createComponent } from './fixtures'
import { expectUnchanged } from './snapshot'

const MiB = 1024 * 1024
const json = { 'content-type': 'application/json' }

/** A plain fetch against the server, outside the API client (other paths, other headers). */
async function fetchReply(path: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(`${inject('baseUrl')}${path}`, init)
  const text = await response.text()
  const body = (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text
  return { status: response.status, headers: response.headers, body }
}

describe('request bodies', () => {
  it.each(['{"displayName": ', '{displayName: "x"}', '{"displayName": "x",}', 'undefined'])('answers 400 problem+json for the broken JSON %j', async (raw) => {
    await expectUnchanged(async () => {
      expectProblem(await request('POST', '/api/components', { raw, headers: json }), 400, 'body')
    })
  })

  it('answers 400 for broken JSON in a PATCH and leaves the resource as it was', async () => {
    const id = await createComponent()
    await expectUnchanged(async () => {
      expectProblem(await request('PATCH', `/api/components/${id}`, { raw: '{"labels": {', headers: json }), 400, 'body')
    }, [`/api/components/${id}`])
  })

  it('answers 413 for a body over 1 MiB', async () => {
    const body = JSON.stringify({ displayName: 'big', labels: { padding: 'x'.repeat(MiB) } })
    await expectUnchanged(async () => {
      expectProblem(await request('POST', '/api/components', { raw: body, headers: json }), 413)
    })
  })

  it('answers 413 for a body over 1 MiB sent without a content-length (chunked)', async () => {
    const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024)}",`)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"displayName": "big", "labels": {"padding": ['))
        for (let sent = 0; sent <= MiB; sent += chunk.length) controller.enqueue(chunk)
        controller.enqueue(new TextEncoder().encode('""]}}'))
        controller.close()
      },
    })
    await expectUnchanged(async () => {
      const reply = await fetchReply('/api/components', {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${tokens.admin}` },
        body: stream,
        duplex: 'half',
      } as RequestInit)
      expectProblem(reply, 413)
    })
  })

  it('accepts a body just under 1 MiB', async () => {
    const labels = { padding: 'x'.repeat(100) }
    const body = JSON.stringify({ displayName: 'almost too big', labels }).padEnd(MiB - 100, ' ')
    expectResponse(await request('POST', '/api/components', { raw: body, headers: json }), 'createComponent', 201)
  })

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml'])('answers 415 for content-type %s', async (type) => {
    await expectUnchanged(async () => {
      expectProblem(await request('POST', '/api/components', { raw: '{"displayName": "typed"}', headers: { 'content-type': type } }), 415)
    })
  })

  it('accepts JSON with a charset and JSON-based media types', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      expectResponse(await request('POST', '/api/components', { raw: '{"displayName": "typed"}', headers: { 'content-type': type } }), 'createComponent', 201)
    }
  })
})

describe('unknown paths', () => {
  const expectNotHtml = (reply: Reply) => {
    expect(typeof reply.body === 'string' ? reply.body : '').not.toMatch(/<html|<!doctype/i)
  }

  it.each([
    ['GET', '/api/nope'],
    ['GET', '/api/components/x/y'],
    ['POST', '/api/components/x/y'],
    ['DELETE', '/api/nope/1'],
    ['PATCH', '/api/incidents/x/updates/0/more'],
    ['GET', '/api'],
    ['GET', '/api/'],
    ['POST', '/api'],
    ['GET', '/api/docs/assets/no-such-file.js'],
    // Operations at the site's root are not also below /api.
    ['GET', '/api/healthz'],
    ['GET', '/api/feed.rss'],
  ])('%s %s answers 404 problem+json, not HTML, even to a browser', async (method, path) => {
    for (const accept of ['application/json', 'text/html,application/xhtml+xml,*/*;q=0.8']) {
      const body = method === 'GET' || method === 'DELETE' ? undefined : { displayName: 'x' }
      const reply = await request(method, path, { body, headers: { accept } })
      expectProblem(reply, 404)
      expectNotHtml(reply)
    }
  })

  it('answers a method the path does not have with 405 problem+json and the allowed methods', async () => {
    const id = await createComponent()
    await expectUnchanged(async () => {
      for (const [method, path, allowed] of [
        ['PUT', '/api/components', ['GET', 'POST']],
        ['DELETE', '/api/components', ['GET', 'POST']],
        ['POST', `/api/components/${id}`, ['GET', 'PATCH', 'DELETE']],
        ['PUT', '/api/severities/x', ['GET', 'PATCH', 'DELETE']],
        ['POST', '/api/v2/summary.json', ['GET']],
      ] as const) {
        const reply = await request(method, path, { body: { displayName: 'x' } })
        expectProblem(reply, 405)
        expect(reply.headers.get('allow')?.split(',').map(m => m.trim()).sort()).toEqual([...allowed].sort())
      }
    }, [`/api/components/${id}`])
  })
})

describe('CORS', () => {
  const origin = 'https://example.org'

  it('lets any origin read the API', async () => {
    const reply = await get('/api/components', { headers: { origin } })
    expectResponse(reply, 'getComponents', 200)
    expect([origin, '*']).toContain(reply.headers.get('access-control-allow-origin'))
  })

  it('answers a preflight with 204 and the allowed methods', async () => {
    const reply = await fetchReply('/api/components', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET' },
    })
    expect(reply.status).toBe(204)
    expect([origin, '*']).toContain(reply.headers.get('access-control-allow-origin'))
    const methods = (reply.headers.get('access-control-allow-methods') ?? '').split(',').map(m => m.trim())
    expect(methods).toContain('GET')
  })
})

// Outside /api and outside SCS, so expectResponse (which checks the SCS document too) does not apply.
describe('health', () => {
  it('answers /healthz with 200', async () => {
    const reply = await fetchReply('/healthz')
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ status: 'ok' })
  })

  it('answers /readyz with 200 while the database answers', async () => {
    const reply = await fetchReply('/readyz')
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ status: 'ready' })
  })
})

describe('GET /api/openapi.json', () => {
  const served = async () => {
    const reply = await get('/api/openapi.json')
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/)
    return reply.body as OpenApiDocument
  }

  it('is an OpenAPI 3 document, the one built from the schemas', async () => {
    const document = await served()
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/)
    expect(document).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())))
  })

  it.skipIf(!scsDocument)('has every operation of SCS 1.1.2: same path, method, status codes and parameters', async () => {
    const ours = new Map(operationsOf(await served()).map(operation => [operation.operationId, operation]))
    const scs = operationsOf(scsDocument!)
    expect(scs.length).toBeGreaterThan(20)
    for (const operation of scs) {
      const own = ours.get(operation.operationId)
      expect(own, operation.operationId).toBeDefined()
      expect({ path: own!.path, method: own!.method }, operation.operationId).toEqual({ path: operation.path, method: operation.method })
      expect(own!.statuses, operation.operationId).toEqual(expect.arrayContaining(operation.statuses))
      expect(own!.parameters, operation.operationId).toEqual(expect.arrayContaining(operation.parameters))
    }
  })
})

describe('GET /api/docs', () => {
  const baseUrl = () => inject('baseUrl')

  async function page() {
    const reply = await fetchReply('/api/docs')
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/)
    return reply.body as string
  }

  it('is an HTML page that loads nothing from another origin', async () => {
    const html = await page()
    expect(html).toMatch(/^<!doctype html>/i)
    const absolute = [...html.matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)].map(m => m[0])
    expect(absolute.filter(url => new URL(url, baseUrl()).origin !== new URL(baseUrl()).origin)).toEqual([])
  })

  it('references scripts and styles that answer 200 from our origin', async () => {
    const html = await page()
    const urls = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map(m => m[1]!)
    expect(urls.length).toBeGreaterThanOrEqual(2)
    for (const url of urls) {
      const resolved = new URL(url, `${baseUrl()}/api/docs`)
      expect(resolved.origin, url).toBe(new URL(baseUrl()).origin)
      const reply = await fetchReply(resolved.pathname + resolved.search)
      expect(reply.status, url).toBe(200)
      expect(String(reply.body).length, url).toBeGreaterThan(0)
    }
  })
})
