// Headers for every response: no guessing of content types, and no full URLs sent to other
// sites. The admin area may not be shown in a frame (also in browsers without CSP level 2).
import { isAdminPath } from '../content-security-policy'

export default defineEventHandler((event) => {
  setResponseHeaders(event, {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  })
  if (isAdminPath(event.path)) setResponseHeader(event, 'x-frame-options', 'DENY')
})
