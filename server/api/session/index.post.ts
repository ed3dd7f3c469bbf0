import { sessionOperations } from '../../../openapi/operations/admin'

// Sign-in with email and password. Only from our own origin, so that other sites cannot sign a
// visitor in to an account of theirs.
export default defineOperationHandler(sessionOperations.signIn, async ({ event, body: { email, password } }) => {
  const user = await signInWithPassword(event, email, password)
  return describeSession(await signIn(event, user))
})
