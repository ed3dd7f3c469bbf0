// Cache hits answered before Nitro's app runs. A hit of a cached read costs little of its own; most
// of what it cost went to what h3 does around every request (its hooks, the middleware, the
// router). So a cached read (public-read.ts) notes which cache key a request URL came to, and the
// next plain GET of that URL is answered at once with the entry, if the entry holds every write
// and the encoding asked for is made, and with the headers the middleware would have set.
// Anything else (a miss, a stale entry, a HEAD, a request with a body) goes the whole way.
import type { H3Event } from 'h3'
import { withPathHeaders } from '../response-headers'
import { databaseSeemsDown } from '../utils/database-health'
import { cachingHeaders, notModified, okHeaders, type CachePolicy } from './cached-reply'
import { preferredEncoding } from './negotiation'
import { ByteLru } from './lru'
import { carriesSecret } from './page-key'
import type { CachedVariant, ResponseCache } from './response-cache'

export interface Shortcut {
  cache: ResponseCache
  key: string
  policy: CachePolicy
  /** The route's pattern, for the metrics. */
  route: string
  /** What tells answers of the key apart besides the URL (publicOrigin), and its value for the key. */
  variesBy?: (event: H3Event) => string
  variation: string
}

interface Remembered extends Shortcut {
  /** The headers of a 200 with each variant, made once. */
  okHeaders: WeakMap<CachedVariant, Record<string, string>>
}

// A URL weighs its length and the shortcut's own few hundred bytes. A flood of made-up URLs churns
// only the LRU's probation segment; URLs that are asked for again stay.
const shortcuts = new ByteLru<string, Remembered>(1 << 20, 10 * 60_000)
const shortcutBytes = 256

/** A GET without a body, from a client rather than a page render in this process. */
function plainGet(event: H3Event): boolean {
  const request = event.node.req
  return request.method === 'GET' && !('__unenv__' in request)
    && request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined
}

/** Called by a cached read that answered from its cache or filled it. */
export function rememberShortcut(event: H3Event, shortcut: Shortcut) {
  const url = event.node.req.url
  if (!url || !plainGet(event) || carriesSecret(url)) return
  shortcuts.set(url, { ...shortcut, okHeaders: new WeakMap() }, url.length + shortcutBytes)
}

/**
 * Answers the request if it is a current cache hit; whether it did. `onAnswer` runs just before
 * the answer is sent, with the route matched and the outcome set as the response's `X-Cache`.
 */
export function answerEarly(event: H3Event, onAnswer?: (event: H3Event) => void): boolean {
  const { req: request, res: response } = event.node
  const url = request.url!
  // Not counted as a use: a URL's shortcut is set anew, and so kept, each time its entry is.
  const shortcut = plainGet(event) ? shortcuts.peek(url) : undefined
  if (!shortcut || (shortcut.variesBy?.(event) ?? '') !== shortcut.variation || databaseSeemsDown()) return false
  // Current: it holds every write, so it serves any request's floor (read-floor.ts) as well.
  const entry = shortcut.cache.current(shortcut.key)
  const encoding = preferredEncoding(request.headers['accept-encoding'])
  const variant = entry?.madeVariant(encoding)
  if (!entry || !variant) return false
  if (onAnswer) {
    event.context.matchedRoute = { path: shortcut.route, handlers: {} }
    // Set on its own, it can be read back from the response, which writeHead's headers cannot.
    response.setHeader('x-cache', 'hit')
    onAnswer(event)
  }
  if (notModified(event, entry, variant.etag)) {
    response.writeHead(304, withPathHeaders(url, cachingHeaders(entry, variant.etag, 'hit', shortcut.policy))).end()
    return true
  }
  let headers = shortcut.okHeaders.get(variant)
  if (!headers) {
    headers = withPathHeaders(url, { ...okHeaders(entry, encoding, variant.etag, 'hit', shortcut.policy), 'content-length': String(variant.body.length) })
    shortcut.okHeaders.set(variant, headers)
  }
  response.writeHead(200, headers).end(variant.body)
  return true
}
