// Which requests the page cache answers, and the key that tells apart everything a page's
// rendering depends on, and nothing else: a query parameter or cookie value that the page ignores
// must not cost a render of its own. Pure, so it is tested on its own.
import { historyFilter, historyQuery, type QueryValue } from '../../shared/status/history-filter'
import { pageLocale, parsePalette, parseTheme, parseTimeZone } from '../../shared/preferences'
import { subscriptionPageQuery, subscriptionPageState } from '../../shared/subscription-form'

// Not public pages: the API, the admin area, build assets, health checks, Nuxt internals
// (/__nuxt_error, islands).
const otherSections = new Set(['api', 'admin', '_nuxt', 'healthz', 'readyz'])

/** The path as the router matches it: lower case (it matches /Admin like /admin), single slashes. */
const routePath = (pathname: string) => pathname.replace(/\/{2,}/g, '/').toLowerCase()

/**
 * A page whose address carries a secret (`?token=` of a subscription's links) belongs to its
 * owner alone: never shared from the cache, never sent on as a referrer.
 */
export function carriesSecret(path: string): boolean {
  const cut = path.indexOf('?')
  return cut >= 0 && new URLSearchParams(path.slice(cut + 1)).has('token')
}

export function isCachedPage(method: string, path: string): boolean {
  if ((method !== 'GET' && method !== 'HEAD') || carriesSecret(path)) return false
  const pathname = routePath(path.split('?', 1)[0]!)
  const section = pathname.split('/', 2)[1] ?? ''
  // A dot in the last segment means a file (favicon.ico, robots.txt, _payload.json), never a page.
  // Only that segment is looked at: a pattern run over the whole path takes time quadratic in its dots.
  const last = pathname.slice(pathname.lastIndexOf('/') + 1)
  return !otherSections.has(section) && !section.startsWith('__nuxt') && !last.includes('.')
}

const subscriptionPage = (query: Record<string, QueryValue>) => subscriptionPageQuery(subscriptionPageState(query))

/**
 * The query parameters each page reads (`route.query` in pages/), spelt canonically; pages not
 * named here read none. tests/unit/page-cache.test.ts checks the pages against this list.
 */
export const pageQueries: Record<string, (query: Record<string, QueryValue>) => string> = {
  '/history': query => historyQuery(historyFilter(query)),
  '/subscribe': subscriptionPage,
  '/subscriptions/confirm': subscriptionPage,
  '/subscriptions/manage': subscriptionPage,
}

/**
 * The path a page is keyed and rendered by: its query reduced to what the page reads, so that
 * `/?x=1` is `/`, and a parameter cannot leak into what others are served (a link back, say).
 */
export function canonicalPagePath(path: string): string {
  const cut = path.indexOf('?')
  const pathname = cut < 0 ? path : path.slice(0, cut)
  const route = routePath(pathname)
  const reads = pageQueries[route.length > 1 && route.endsWith('/') ? route.slice(0, -1) : route]
  if (!reads || cut < 0) return pathname + (reads ? reads({}) : '')
  const params = new URLSearchParams(path.slice(cut + 1))
  const query: Record<string, QueryValue> = {}
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name)
    query[name] = values.length === 1 ? values[0] : values
  }
  return pathname + reads(query)
}

export interface PageRequest {
  /** The canonical path (canonicalPagePath). */
  path: string
  host: string | undefined
  cookies: Partial<Record<string, string>>
  acceptLanguage: string | undefined
}

// Time zones as the page reads them; asking Intl costs more than a whole cached answer.
const zones = new Map<string, string>()
function timeZoneOf(cookie: string | undefined): string {
  if (cookie === undefined) return parseTimeZone(cookie)
  let zone = zones.get(cookie)
  if (zone === undefined) {
    if (zones.size >= 1000) zones.clear()
    zones.set(cookie, zone = parseTimeZone(cookie))
  }
  return zone
}

/**
 * The cookies `locale`, `theme`, `palette` and `tz` change how a public page renders, each as the
 * page reads it: the language the page renders in, a theme or palette it knows, a time zone that
 * exists (else the defaults), so an unknown value shares the key of the value used instead.
 */
export function pageCacheKey({ path, host, cookies, acceptLanguage }: PageRequest): string {
  const { locale, theme, palette, tz } = cookies
  // JSON keeps the parts apart whatever characters a cookie holds.
  return JSON.stringify([host ?? '', path, pageLocale(locale, acceptLanguage), parseTheme(theme), parsePalette(palette), timeZoneOf(tz)])
}
