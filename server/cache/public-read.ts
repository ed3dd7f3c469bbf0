// Anonymous API reads from memory. During an outage status tools and visitors poll the same few
// URLs; each is computed once and then served to everyone until the next write anywhere
// (changes.ts) or for at most a second, because what is active depends on the clock.
import type { H3Event } from 'h3'
import { defineApiHandler } from '../utils/api'
import { cachedReply } from './cached-reply'
import { dataVersion } from './changes'
import { createResponseCache } from './response-cache'

const cache = createResponseCache({ capacity: 500, maxAgeMs: 1000, version: dataVersion })

// The same promise to shared caches as the pages make: hold it a second, then revalidate.
const policy = { cacheControl: 'public, max-age=0, s-maxage=1, must-revalidate', vary: 'Accept-Encoding' }

/** An API read whose answer depends on nothing but its path and query. */
export function definePublicRead<T>(read: (event: H3Event) => Promise<T>) {
  return defineApiHandler(async (event) => {
    const json = async () => ({ body: JSON.stringify(await read(event)), headers: { 'content-type': 'application/json' } })
    const { entry, rendered } = await cache.get(event.path, json)
    // A shared computation that failed: compute for this request, which answers with its own error.
    if (!entry) return read(event)
    const reply = await cachedReply(event, entry, rendered ? 'miss' : 'hit', policy)
    setResponseStatus(event, reply.statusCode)
    setResponseHeaders(event, reply.headers)
    return reply.body
  })
}
