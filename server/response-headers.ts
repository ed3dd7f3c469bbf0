// Headers that responses carry by their path alone, set by the middleware (server/middleware/cors.ts
// and security-headers.ts) and by the early cache hits (server/cache/early-hit.ts), which answer
// before the middleware runs.
import { carriesSecret } from './cache/page-key'
import { config } from './config'
import { isAdminPath } from './content-security-policy'

const allowOrigin = config.STATUS_PAGE_CORS_ORIGIN

/** Any origin (or the configured one) may read the API from a browser; `off` sends nothing. */
export function corsHeaders(path: string): Record<string, string> {
  if (!path.startsWith('/api/') || allowOrigin === 'off') return {}
  return allowOrigin === '*' ? { 'access-control-allow-origin': '*' } : { 'access-control-allow-origin': allowOrigin, 'vary': 'Origin' }
}

/**
 * No guessing of content types, and no full URLs sent to other sites. The admin area may not be
 * shown in a frame (also in browsers without CSP level 2). A page whose address carries a secret
 * sends no referrer at all and is kept by no cache.
 */
export function securityHeaders(path: string): Record<string, string> {
  const secret = carriesSecret(path)
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': secret ? 'no-referrer' : 'strict-origin-when-cross-origin',
    ...(secret && { 'cache-control': 'no-store' }),
    ...(isAdminPath(path) && { 'x-frame-options': 'DENY' }),
  }
}

/** `headers` with those that every response to `path` carries; its Vary names both lists. */
export function withPathHeaders(path: string, headers: Record<string, string>): Record<string, string> {
  const cors = corsHeaders(path)
  const all = { ...cors, ...securityHeaders(path), ...headers }
  if (cors.vary && headers.vary) all.vary = `${cors.vary}, ${headers.vary}`
  return all
}
