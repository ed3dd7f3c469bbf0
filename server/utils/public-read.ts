// Anonymous reads from memory: the API's, the feeds, the calendar, the badges. During an outage
// status tools and visitors poll the same few URLs; each is computed once and then served to
// everyone until the next write anywhere (server/utils/changes.ts) or for at most a second,
// because what is active depends on the clock.
import type { H3Event } from 'h3'
import { cachedReply, type CachePolicy } from '../http/cached-reply'
import { createResponseCache, type CachedBody } from '../http/response-cache'

const cache = createResponseCache({ capacity: 500, maxAgeMs: 1000, version: dataVersion })

// The same promise to shared caches as the pages make: hold it a second, then revalidate.
const apiPolicy = { cacheControl: 'public, max-age=0, s-maxage=1, must-revalidate', vary: 'Accept-Encoding' }

export interface CachedReadOptions {
  /** What tells answers apart besides the path and query, e.g. the origin that absolute links name. */
  variesBy?: (event: H3Event) => string
  policy?: CachePolicy
}

/** A read whose answer (body and headers) depends on nothing but its path, query and `variesBy`. */
export function defineCachedRead(read: (event: H3Event) => Promise<CachedBody>, { variesBy, policy = apiPolicy }: CachedReadOptions = {}) {
  return defineApiHandler(async (event) => {
    const key = variesBy ? `${variesBy(event)} ${event.path}` : event.path
    const { entry, rendered } = await cache.get(key, () => read(event))
    // A shared computation that failed: compute for this request, which answers with its own error.
    if (!entry) {
      const own = await read(event)
      setResponseHeaders(event, own.headers)
      return own.body
    }
    const reply = await cachedReply(event, entry, rendered ? 'miss' : 'hit', policy)
    setResponseStatus(event, reply.statusCode)
    setResponseHeaders(event, reply.headers)
    return reply.body
  })
}

/** An API read whose answer depends on nothing but its path and query. */
export function definePublicRead<T>(read: (event: H3Event) => Promise<T>) {
  return defineCachedRead(async event => ({ body: JSON.stringify(await read(event)), headers: { 'content-type': 'application/json' } }))
}
