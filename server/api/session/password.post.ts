import { sessionOperations } from '../../../openapi/operations/admin'
import { changePassword } from '../../services/users'

// A new password ends the user's other sessions; this one continues with a new CSRF token.
// Wrong current passwords are slowed down, or a stolen session could guess the password.
export default defineOperationHandler(sessionOperations.changePassword, async ({ event, caller, body }) => {
  const db = await useDatabase()
  const sessionVersion = await limitPasswordChecks(event, caller.id, () => changePassword(db, caller.id, body.currentPassword, body.newPassword))
  return describeSession(await startSession(event, { id: caller.id, email: caller.name, role: caller.role, sessionVersion }))
})
