// The last good answer of each cached response, kept past its cache lifetime for one purpose: to
// answer with it, marked stale, while the database is unavailable. The age goes out twice: as the
// standard `Age` and as `X-Status-Page-Stale`, which only a stale answer carries.
import type { H3Event } from 'h3'
import { cachedReply, type CachedReply, type CachePolicy } from './cached-reply'
import { ByteLru } from './lru'
import type { CacheEntry } from './response-cache'
import { DAY } from '../../shared/time'

// After a day without the database an old answer misleads more than a 503 does.
const keepMs = DAY

export function createLastGood(maxBytes: number) {
  const answers = new ByteLru<string, CacheEntry>(maxBytes, keepMs)
  return {
    /** Call with each newly made entry (not with cache hits: the age counts from when it was made). */
    keep(key: string, entry: CacheEntry) {
      answers.set(key, entry, entry.bytes())
      // It shrinks once its first variant is made and grows with each further one.
      entry.onResize(() => answers.resize(key, entry, entry.bytes()))
    },
    async reply(event: H3Event, key: string, policy: CachePolicy): Promise<CachedReply | undefined> {
      const entry = answers.get(key)
      if (!entry) return undefined
      const reply = await cachedReply(event, entry, 'stale', policy)
      const age = String(Math.floor((Date.now() - entry.madeAt) / 1000))
      return { ...reply, headers: { ...reply.headers, 'age': age, 'x-status-page-stale': age } }
    },
  }
}
