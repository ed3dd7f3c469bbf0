// Any origin (or the configured one) may read the API from a browser (server/response-headers.ts).
// Writes stay same-origin: preflights only allow reading methods.
import { corsHeaders } from '../response-headers'
import { DAY, SECOND } from '../../shared/time'

export default defineEventHandler((event) => {
  const headers = corsHeaders(event.path)
  if (!headers['access-control-allow-origin']) return
  setResponseHeaders(event, headers)
  if (event.method === 'OPTIONS') {
    setResponseHeader(event, 'access-control-allow-methods', 'GET, HEAD, OPTIONS')
    setResponseHeader(event, 'access-control-max-age', DAY / SECOND)
    return sendNoContent(event)
  }
})
