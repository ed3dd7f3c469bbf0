// Anonymous reads from memory: the API's, the feeds, the calendar, the badges, the Statuspage
// JSON. During an outage status tools and visitors poll the same few URLs; each is computed once
// and then served to everyone until the next write anywhere (changes.ts) or for at most a second,
// because what is active depends on the clock; then for about a second more while one request
// computes the next (response-cache.ts). While the database is unavailable, the last good answer
// goes out instead, marked stale.
import type { H3Event } from 'h3'
import type { z } from 'zod'
import { defineApiHandler } from '../utils/api'
import { cacheBytes } from './budget'
import { cachedReply, type CachedReply, type CachePolicy } from './cached-reply'
import { changeCount } from './changes'
import { rememberShortcut } from './early-hit'
import { createLastGood } from './last-good'
import { readFloor } from './read-floor'
import { withPathHeaders } from '../response-headers'
import { createResponseCache, type CachedBody } from './response-cache'

const cache = createResponseCache({ maxBytes: cacheBytes.reads, maxAgeMs: 1000, version: changeCount })
const lastGood = createLastGood(cacheBytes.lastGoodReads)

// The same promise to shared caches as the pages make: hold it a second, then revalidate.
const apiPolicy = { cacheControl: 'public, max-age=0, s-maxage=1, must-revalidate', vary: 'Accept-Encoding' }

export interface CachedReadOptions {
  /**
   * The query the read understands. The cache keys by its parsed value, so parameters it does not
   * know and other spellings of the same values share one entry. Without one, the query is ignored.
   */
  query?: z.ZodType
  /** What tells answers apart besides the path and query, e.g. the origin that absolute links name. */
  variesBy?: (event: H3Event) => string
  policy?: CachePolicy
}

function send(event: H3Event, reply: CachedReply) {
  setResponseStatus(event, reply.statusCode)
  // Again with the middleware's headers, so that Vary names what the CORS headers vary by too.
  setResponseHeaders(event, withPathHeaders(event.path, reply.headers))
  return reply.body
}

/** The query as the read sees it, with its keys in order; undefined when it is invalid. */
function parsedQuery(event: H3Event, schema: z.ZodType | undefined): Record<string, unknown> | undefined {
  if (!schema) return {}
  const parsed = schema.safeParse(getQuery(event))
  if (!parsed.success || typeof parsed.data !== 'object' || parsed.data === null) return undefined
  return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined).sort(([a], [b]) => a < b ? -1 : 1))
}

/** A read whose answer (body and headers) depends on nothing but its path, parsed query and `variesBy`. */
export function defineCachedRead(read: (event: H3Event) => Promise<CachedBody>, { query, variesBy, policy = apiPolicy }: CachedReadOptions = {}) {
  const keyOf = (event: H3Event, variation = variesBy?.(event) ?? ''): string | undefined => {
    const parsed = parsedQuery(event, query)
    return parsed && JSON.stringify([variation, pathAsSent(event), parsed])
  }
  const sendLastGood = async (event: H3Event) => {
    const key = keyOf(event)
    const reply = key && await lastGood.reply(event, key, policy)
    return reply ? send(event, reply) : undefined
  }
  const uncached = async (event: H3Event) => {
    const own = await read(event)
    setResponseHeaders(event, own.headers)
    return own.body
  }
  return defineApiHandler(async (event) => {
    if (databaseSeemsDown()) {
      const stale = await sendLastGood(event)
      if (stale !== undefined) return stale
    }
    const variation = variesBy?.(event) ?? ''
    const key = keyOf(event, variation)
    // An invalid query: the read answers with the problem.
    if (!key) return uncached(event)
    const { entry, rendered, stale } = await cache.get(key, () => read(event), readFloor(event))
    // A shared computation that failed: compute for this request, which answers with its own error.
    if (!entry) return uncached(event)
    if (rendered) lastGood.keep(key, entry)
    const route = event.context.matchedRoute?.path
    if (route) rememberShortcut(event, { cache, key, policy, route, variesBy, variation })
    return send(event, await cachedReply(event, entry, rendered ? 'miss' : stale ? 'stale' : 'hit', policy))
  }, { whenDatabaseFails: sendLastGood })
}

/** An API read whose answer depends on nothing but its path and parsed query. */
export function definePublicRead<T>(read: (event: H3Event) => Promise<T>, query?: z.ZodType) {
  return defineCachedRead(async event => ({ body: JSON.stringify(await read(event)), headers: { 'content-type': 'application/json' } }), { query })
}
