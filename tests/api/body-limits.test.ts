// Request bodies at the 1 MiB limit, sent the way a slow or hostile client does: a refusal of a
// small body reaches the client that is still sending, and a chunked body past the limit gets
// 413 while it is still arriving, without the server buffering it.
import { request as httpRequest } from 'node:http'
import { describe, expect, it, inject } from 'vitest'
import { get, tokens } from './client'

const KB = 1024
const MB = 1024 * KB

interface Sent {
  status?: number
  error?: string
}

/**
 * Starts a chunked body, sends `sent` bytes of it in 256 KiB pieces and then waits, never ending
 * it: an answer can only come from a server that refuses the body while it is still arriving.
 * Gives up after `waitMs`.
 */
function sendWithoutEnding(path: string, sent: number, headers: Record<string, string>, waitMs = 30_000): Promise<Sent> {
  return new Promise((resolve) => {
    const result: Sent = {}
    const req = httpRequest(new URL(path, inject('baseUrl')), {
      method: 'POST',
      // A connection of its own: the server ends one after refusing an oversized body.
      agent: false,
      headers,
    })
    const finish = () => {
      clearTimeout(timer)
      req.destroy()
      resolve(result)
    }
    const timer = setTimeout(() => {
      result.error = 'no answer'
      finish()
    }, waitMs)
    req.on('response', (response) => {
      result.status = response.statusCode
      response.resume().on('end', finish)
    })
    req.on('error', (error) => {
      result.error = error.message
      finish()
    })
    const piece = Buffer.alloc(256 * KB, 'a')
    let written = 0
    const write = () => {
      while (result.status === undefined && !req.destroyed && written < sent) {
        written += piece.length
        if (!req.write(piece)) return void req.once('drain', write)
      }
    }
    write()
  })
}

const json = { 'content-type': 'application/json' }

describe('a refused request with a body under 1 MiB', () => {
  const cases: [string, string, string, Record<string, string>, number][] = [
    ['no token', 'POST', '/api/components', json, 401],
    ['a read-only token', 'POST', '/api/incidents', { ...json, authorization: `Bearer ${tokens.readOnly}` }, 403],
    ['a body that is not JSON', 'POST', '/api/session', { 'content-type': 'text/plain' }, 415],
    ['an unknown path', 'PUT', '/api/nowhere', json, 404],
  ]

  // The server answers before the body has arrived; it must still take the body in, or the
  // client, still sending, sees its connection reset instead of the answer.
  it.each(cases)('with %s: the client gets the answer, not a reset connection', async (_, method, path, headers, status) => {
    const body = Buffer.alloc(600 * KB, 'a')
    for (let attempt = 0; attempt < 5; attempt++) {
      const reply = await fetch(new URL(path, inject('baseUrl')), { method, headers, body })
      expect(reply.status).toBe(status)
      await reply.arrayBuffer()
    }
  }, 120_000)
})

// A client that sends more than 1 MiB and would send more still is answered once the limit is
// passed, without the server waiting for the rest, and it reads that answer, never a reset. Only
// bytes are bounded, not time: the machine running the tests may be slow and shared. A reset is a
// race the client would lose only now and then, hence several attempts each.
describe('a body over 1 MiB', { timeout: 120_000 }, () => {
  const refuse = async (path: string, headers: Record<string, string>, status: number) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await sendWithoutEnding(path, 16 * MB, { ...json, ...headers })).toEqual({ status })
    }
  }

  it.each(['/api/session', '/api/components', '/api/incidents/00000000-0000-4000-8000-000000000000/updates'])('chunked to %s gets 413 while it still arrives', async (path) => {
    await refuse(path, { authorization: `Bearer ${tokens.admin}` }, 413)
    expect((await get('/healthz')).status).toBe(200)
  })

  it('chunked to a route that reads no body is answered without waiting for it', async () => {
    await refuse('/api/severities/x', {}, 405)
  })
})
