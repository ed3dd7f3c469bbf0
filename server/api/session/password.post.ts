import { sessionOperations } from '../../../openapi/operations/admin'
import { changePassword } from '../../services/users'

// A new password ends the user's other sessions; this one continues with a new CSRF token.
export default defineOperationHandler(sessionOperations.changePassword, async ({ event, caller, body }) => {
  const sessionVersion = await changePassword(await useDatabase(), caller.id, body.currentPassword, body.newPassword)
  return describeSession(await startSession(event, { id: caller.id, email: caller.name, role: caller.role, sessionVersion }))
})
