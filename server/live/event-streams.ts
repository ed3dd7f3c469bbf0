// The open live-update streams (GET /api/events). Each holds a socket and a listener for as long
// as its page is open, so they are limited: per client address, in all, and in lifetime. A
// browser's EventSource reconnects by itself when a stream ends, which also spreads streams over
// the instances again after one restarts; a page refused a stream polls instead.
import type { H3Event } from 'h3'
import { config } from '../config'
import { Problem } from '../problem'
import { dataVersion } from '../cache/changes'

export interface LiveStream {
  push: (name: 'version' | 'change', version: string) => void
  close: () => void
}

// Every stream hears the data version every 25 s: a missed `change` is noticed, and proxies see
// traffic and keep the stream open. One timer serves them all.
const heartbeatMs = 25_000
const streams = new Set<LiveStream>()
const perClient = new Map<string, number>()
let heartbeat: ReturnType<typeof setInterval> | undefined

function beat() {
  const version = dataVersion()
  for (const stream of streams) stream.push('version', version)
}

function tooMany(event: H3Event, status: 429 | 503, detail: string): Problem {
  setResponseHeader(event, 'retry-after', 30)
  return new Problem(status, status === 429 ? 'Too Many Requests' : 'Service Unavailable', detail)
}

/**
 * Admits a stream for `client` (see clientKey), or throws 429 when that client holds its share
 * and 503 when the server holds as many as it allows. The returned function ends the stream's
 * turn; the stream is closed after its lifetime.
 */
export function admitStream(event: H3Event, client: string, stream: LiveStream): () => void {
  const held = perClient.get(client) ?? 0
  if (held >= config.STATUS_PAGE_EVENTS_PER_CLIENT) {
    throw tooMany(event, 429, `This address holds ${held} open event streams, the most allowed; the page polls instead.`)
  }
  if (streams.size >= config.STATUS_PAGE_EVENTS_TOTAL) {
    throw tooMany(event, 503, 'The server holds as many event streams as it allows; the page polls instead.')
  }
  perClient.set(client, held + 1)
  streams.add(stream)
  heartbeat ??= setInterval(beat, heartbeatMs).unref()
  // Up to a tenth earlier, so that streams opened together do not all reconnect together.
  const lifetimeMs = config.STATUS_PAGE_EVENTS_LIFETIME * 1000 * (1 - Math.random() / 10)
  const expiry = setTimeout(() => stream.close(), lifetimeMs).unref()
  let released = false
  return () => {
    if (released) return
    released = true
    clearTimeout(expiry)
    streams.delete(stream)
    const left = (perClient.get(client) ?? 1) - 1
    if (left > 0) perClient.set(client, left)
    else perClient.delete(client)
    if (streams.size === 0) {
      clearInterval(heartbeat)
      heartbeat = undefined
    }
  }
}
