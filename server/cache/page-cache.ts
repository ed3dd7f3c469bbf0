// Public pages from memory: one render serves every visitor who would get the same HTML, until the
// next write anywhere (changes.ts) or for at most 30 s, because pages show relative times and
// scheduled maintenance begins by the clock; after that, the page goes on being served for about
// a second while one request renders the next (response-cache.ts). Nitro's `render:before` hook
// (server/plugins/page-cache.ts) sits in front of Nuxt's renderer and lets this answer in its
// place. While the database is unavailable, or a render fails, the last good page goes out,
// marked stale.
import type { H3Event } from 'h3'
import type { RenderContext, RenderResponse } from 'nitropack/types'
import pLimit from 'p-limit'
import { cachedReply } from './cached-reply'
import { createResponseCache, type CachedBody } from './response-cache'
import { cacheBytes } from './budget'
import { changeCount } from './changes'
import { createLastGood } from './last-good'
import { canonicalPagePath, isCachedPage, pageCacheKey } from './page-key'
import { readFloor, withReadFloor } from './read-floor'

// Shared caches (a CDN, a reverse proxy) may serve a page for one second and must then ask again,
// which is cheap: an unchanged page answers 304. Browsers (max-age=0) ask every time. So a change
// shows within about a second, while a CDN in front turns a burst into one request per second.
const policy = { cacheControl: 'public, max-age=0, s-maxage=1, must-revalidate', vary: 'Cookie, Accept-Language, Accept-Encoding' }

const cache = createResponseCache({ maxBytes: cacheBytes.pages, maxAgeMs: 30_000, version: changeCount })
const lastGood = createLastGood(cacheBytes.lastGoodPages)
// Renders of different pages take turns, a few at a time. A render's work runs on this thread
// (and so do the embedded database's queries), so thirty at once finish no sooner than in turn;
// but each holds its whole app in memory until it is done, which under a flood of uncached
// requests made the heap, and the time spent collecting it, grow with the queue.
const renderTurn = pLimit(4)

type Response = Partial<RenderResponse>

/** Only a plain 200 is shared; a page that sets a cookie was rendered for this visitor alone. */
function cacheable(event: H3Event, response: Response, headersBefore: Set<string>): CachedBody | undefined {
  const res = event.node.res
  if ((response.statusCode ?? 200) !== 200 || typeof response.body !== 'string') return undefined
  if (res.hasHeader('set-cookie') || response.headers?.['set-cookie']) return undefined
  // Headers the page set on the event while rendering (useResponseHeader) belong to the page too.
  const headers = { ...response.headers }
  for (const name of res.getHeaderNames()) {
    if (!headersBefore.has(name)) headers[name] = String(res.getHeader(name))
  }
  return { body: response.body, headers }
}

/** Answers a public page from the cache; anything else, or a failed render, goes on to Nuxt. */
export async function answerPageFromCache(context: RenderContext) {
  const { event } = context
  if (!isCachedPage(event.method, event.path)) return
  const path = canonicalPagePath(event.path)
  const key = pageCacheKey({
    path,
    host: getRequestHeader(event, 'host'),
    cookies: parseCookies(event),
    acceptLanguage: getRequestHeader(event, 'accept-language'),
  })
  const answerStale = async () => {
    const reply = await lastGood.reply(event, key, policy)
    if (reply) context.response = reply
    return reply !== undefined
  }
  if (databaseSeemsDown() && await answerStale()) return
  let own: Response | undefined
  const { entry, rendered, stale } = await cache.get(key, async (version) => {
    const headersBefore = new Set(event.node.res.getHeaderNames())
    // What the page shows comes from the key alone; what it reads through the API is at least as
    // new as the page.
    event._path = path
    own = await renderTurn(() => withReadFloor(version, () => context.render(event)))
    return cacheable(event, own, headersBefore)
  }, readFloor(event))
  if (entry) {
    if (rendered) lastGood.keep(key, entry)
    context.response = await cachedReply(event, entry, rendered ? 'miss' : stale ? 'stale' : 'hit', policy)
    return
  }
  // A page that failed to render (its data did not come): the last good one serves better.
  if (own && (own.statusCode ?? 200) >= 500 && await answerStale()) return
  if (own) context.response = { ...own, headers: { ...own.headers, 'x-cache': 'miss' } }
  // Otherwise the render shared with others failed or was uncacheable: Nitro renders this one anew.
}
