import { sessionOperations } from '../../../openapi/operations/admin'

// Who is signed in, and the CSRF token for their writes. Anonymous callers learn how to sign in.
export default defineOperationHandler(sessionOperations.getSession, async ({ event }) => {
  setResponseHeader(event, 'cache-control', 'no-store')
  return describeSession(await activeSession(event))
})
