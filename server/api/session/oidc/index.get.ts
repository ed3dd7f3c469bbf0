// Sign-in through the identity provider: off to its authorization page. A browser navigates
// here, so failures lead back to the sign-in page rather than to a JSON error.
export default defineEventHandler(async (event) => {
  try {
    return sendRedirect(event, (await beginSingleSignOn(event, getQuery(event).next)).href)
  }
  catch (error) {
    return refuseSingleSignOn(event, error)
  }
})
