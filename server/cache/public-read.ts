// Anonymous reads from memory: the API's, the feeds, the calendar, the badges, the Statuspage
// JSON. During an outage status tools and visitors poll the same few URLs; each is computed once
// and then served to everyone until the next write anywhere (changes.ts) or for at most a second,
// because what is active depends on the clock. While the database is unavailable, the last good
// answer goes out instead, marked stale.
import type { H3Event } from 'h3'
import { defineApiHandler } from '../utils/api'
import { cachedReply, type CachedReply, type CachePolicy } from './cached-reply'
import { dataVersion } from './changes'
import { createLastGood } from './last-good'
import { createResponseCache, type CachedBody } from './response-cache'

const cache = createResponseCache({ capacity: 500, maxAgeMs: 1000, version: dataVersion })
const lastGood = createLastGood(500)

// The same promise to shared caches as the pages make: hold it a second, then revalidate.
const apiPolicy = { cacheControl: 'public, max-age=0, s-maxage=1, must-revalidate', vary: 'Accept-Encoding' }

export interface CachedReadOptions {
  /** What tells answers apart besides the path and query, e.g. the origin that absolute links name. */
  variesBy?: (event: H3Event) => string
  policy?: CachePolicy
}

function send(event: H3Event, reply: CachedReply) {
  setResponseStatus(event, reply.statusCode)
  setResponseHeaders(event, reply.headers)
  return reply.body
}

/** A read whose answer (body and headers) depends on nothing but its path, query and `variesBy`. */
export function defineCachedRead(read: (event: H3Event) => Promise<CachedBody>, { variesBy, policy = apiPolicy }: CachedReadOptions = {}) {
  const keyOf = (event: H3Event) => variesBy ? `${variesBy(event)} ${event.path}` : event.path
  const sendLastGood = async (event: H3Event) => {
    const reply = await lastGood.reply(event, keyOf(event), policy)
    return reply && send(event, reply)
  }
  return defineApiHandler(async (event) => {
    if (databaseSeemsDown()) {
      const stale = await sendLastGood(event)
      if (stale !== undefined) return stale
    }
    const key = keyOf(event)
    const { entry, rendered } = await cache.get(key, () => read(event))
    // A shared computation that failed: compute for this request, which answers with its own error.
    if (!entry) {
      const own = await read(event)
      setResponseHeaders(event, own.headers)
      return own.body
    }
    if (rendered) lastGood.keep(key, entry)
    return send(event, await cachedReply(event, entry, rendered ? 'miss' : 'hit', policy))
  }, { whenDatabaseFails: sendLastGood })
}

/** An API read whose answer depends on nothing but its path and query. */
export function definePublicRead<T>(read: (event: H3Event) => Promise<T>) {
  return defineCachedRead(async event => ({ body: JSON.stringify(await read(event)), headers: { 'content-type': 'application/json' } }))
}
