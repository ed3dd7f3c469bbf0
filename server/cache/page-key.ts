// Which requests the page cache answers, and the key that tells apart everything a page's
// rendering depends on. Pure, so it is tested on its own.
import { pageLocale } from '../../shared/preferences'

// Not public pages: the API, the admin area, build assets, health checks, Nuxt internals
// (/__nuxt_error, islands).
const otherSections = new Set(['api', 'admin', '_nuxt', 'healthz', 'readyz'])

export function isCachedPage(method: string, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false
  // Lower case because the router matches /Admin like /admin.
  const pathname = (path.split('?')[0] ?? '').replace(/\/{2,}/g, '/').toLowerCase()
  const section = pathname.split('/')[1] ?? ''
  // A dot in the last segment means a file (favicon.ico, robots.txt, _payload.json), never a page.
  return !otherSections.has(section) && !section.startsWith('__nuxt') && !/\.[^/]*$/.test(pathname)
}

export interface PageRequest {
  /** The path with its query. */
  path: string
  host: string | undefined
  cookies: Partial<Record<string, string>>
  acceptLanguage: string | undefined
}

/**
 * The cookies `locale`, `theme`, `palette` and `tz` change how a public page renders; the language
 * is the one the page renders in, so a cookie it ignores shares the key of the header's choice.
 */
export function pageCacheKey({ path, host, cookies, acceptLanguage }: PageRequest): string {
  const { locale, theme, palette, tz } = cookies
  // JSON keeps the parts apart whatever characters a cookie holds.
  return JSON.stringify([host ?? '', path, pageLocale(locale, acceptLanguage), theme ?? '', palette ?? '', tz ?? ''])
}
