// Anonymous API reads from memory. During an outage status tools and visitors poll the same few
// URLs; each is computed once and then served to everyone until the next write anywhere
// (changes.ts) or for at most a second, because what is active depends on the clock.
// While the database is unavailable, the last good answer goes out instead, marked stale.
import type { H3Event } from 'h3'
import { defineApiHandler } from '../utils/api'
import { cachedReply, type CachedReply } from './cached-reply'
import { dataVersion } from './changes'
import { createLastGood } from './last-good'
import { createResponseCache } from './response-cache'

const cache = createResponseCache({ capacity: 500, maxAgeMs: 1000, version: dataVersion })
const lastGood = createLastGood(500)

// The same promise to shared caches as the pages make: hold it a second, then revalidate.
const policy = { cacheControl: 'public, max-age=0, s-maxage=1, must-revalidate', vary: 'Accept-Encoding' }

function send(event: H3Event, reply: CachedReply) {
  setResponseStatus(event, reply.statusCode)
  setResponseHeaders(event, reply.headers)
  return reply.body
}

async function sendLastGood(event: H3Event) {
  const reply = await lastGood.reply(event, event.path, policy)
  return reply && send(event, reply)
}

/** An API read whose answer depends on nothing but its path and query. */
export function definePublicRead<T>(read: (event: H3Event) => Promise<T>) {
  return defineApiHandler(async (event) => {
    if (databaseSeemsDown()) {
      const stale = await sendLastGood(event)
      if (stale !== undefined) return stale
    }
    const json = async () => ({ body: JSON.stringify(await read(event)), headers: { 'content-type': 'application/json' } })
    const { entry, rendered } = await cache.get(event.path, json)
    // A shared computation that failed: compute for this request, which answers with its own error.
    if (!entry) return read(event)
    if (rendered) lastGood.keep(event.path, entry)
    return send(event, await cachedReply(event, entry, rendered ? 'miss' : 'hit', policy))
  }, { whenDatabaseFails: sendLastGood })
}
