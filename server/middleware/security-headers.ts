// Headers for every response (server/response-headers.ts).
import { securityHeaders } from '../response-headers'

export default defineEventHandler((event) => {
  setResponseHeaders(event, securityHeaders(event.path))
})
