// Back from the identity provider: check its answer, find or create the user, sign them in.
export default defineEventHandler(async (event) => {
  try {
    const { user, next } = await finishSingleSignOn(event)
    await signIn(event, user)
    await recordWrite(event, { id: user.id })
    return sendRedirect(event, next)
  }
  catch (error) {
    return refuseSingleSignOn(event, error)
  }
})
