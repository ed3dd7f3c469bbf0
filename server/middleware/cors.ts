// Any origin (or the configured one) may read the API from a browser. Writes stay same-origin:
// preflights only allow reading methods. STATUS_PAGE_CORS_ORIGIN=off sends no CORS headers.
import { config } from '../config'
import { DAY, SECOND } from '../../shared/time'

const allowOrigin = config.STATUS_PAGE_CORS_ORIGIN

export default defineEventHandler((event) => {
  if (!event.path.startsWith('/api/') || allowOrigin === 'off') return
  setResponseHeaders(event, {
    'access-control-allow-origin': allowOrigin,
    ...(allowOrigin !== '*' && { vary: 'Origin' }),
  })
  if (event.method === 'OPTIONS') {
    setResponseHeader(event, 'access-control-allow-methods', 'GET, HEAD, OPTIONS')
    setResponseHeader(event, 'access-control-max-age', DAY / SECOND)
    return sendNoContent(event)
  }
})
