// The last good answer of each cached response, kept past its cache lifetime for one purpose: to
// answer with it, marked stale, while the database is unavailable. The age goes out twice: as the
// standard `Age` and as `X-Status-Page-Stale`, which only a stale answer carries.
import type { H3Event } from 'h3'
import { cachedReply, type CachedReply, type CachePolicy } from './cached-reply'
import { ExpiringLru } from './lru'
import type { CacheEntry } from './response-cache'
import { DAY } from '../../shared/time'

// After a day without the database an old answer misleads more than a 503 does.
const keepMs = DAY

export function createLastGood(capacity: number) {
  const answers = new ExpiringLru<string, { entry: CacheEntry, madeAt: number }>(capacity, keepMs)
  return {
    /** Call with each newly made entry (not with cache hits: the age counts from when it was made). */
    keep(key: string, entry: CacheEntry) {
      answers.set(key, { entry, madeAt: Date.now() })
    },
    async reply(event: H3Event, key: string, policy: CachePolicy): Promise<CachedReply | undefined> {
      const kept = answers.get(key)
      if (!kept) return undefined
      const reply = await cachedReply(event, kept.entry, 'stale', policy)
      const age = String(Math.floor((Date.now() - kept.madeAt) / 1000))
      return { ...reply, headers: { ...reply.headers, 'age': age, 'x-status-page-stale': age } }
    },
  }
}
