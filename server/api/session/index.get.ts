// Who is signed in, and the CSRF token for their writes. Anonymous callers learn how to sign in.
export default defineApiHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store')
  return { data: describeSession(await activeSession(event)) }
})
