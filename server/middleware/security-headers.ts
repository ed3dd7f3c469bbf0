// Headers for every response: no guessing of content types, and no full URLs sent to other
// sites. The admin area may not be shown in a frame (also in browsers without CSP level 2).
// A page whose address carries a secret sends no referrer at all and is kept by no cache.
import { carriesSecret } from '../cache/page-key'
import { isAdminPath } from '../content-security-policy'

export default defineEventHandler((event) => {
  const secret = carriesSecret(event.path)
  setResponseHeaders(event, {
    'x-content-type-options': 'nosniff',
    'referrer-policy': secret ? 'no-referrer' : 'strict-origin-when-cross-origin',
    ...(secret && { 'cache-control': 'no-store' }),
  })
  if (isAdminPath(event.path)) setResponseHeader(event, 'x-frame-options', 'DENY')
})
