import { SignIn } from '../../../openapi/admin-schemas'

// Sign-in with email and password. Checking the origin keeps other sites from signing a
// visitor in to an account of theirs.
export default defineApiHandler(async (event) => {
  assertSameOrigin(event)
  const { email, password } = await readBodyAs(event, SignIn)
  const user = await signInWithPassword(event, email, password)
  return { data: describeSession(await signIn(event, user)) }
})
