import { sessionOperations } from '../../../openapi/operations/admin'
import { endSessions } from '../../services/users'

// Sign-out. The cookie is sealed, not stored, so a copy of it would outlive a mere deletion:
// raising the user's session version ends this session (and their others) for good.
export default defineOperationHandler(sessionOperations.signOut, async ({ event }) => {
  const session = await activeSession(event)
  if (session) {
    assertNotForged(event, session)
    event.context.caller = userCaller(session.user)
    await endSessions(await useDatabase(), session.user.id)
  }
  await endSession(event)
})
