import { PasswordChange } from '../../../openapi/admin-schemas'
import { changePassword } from '../../services/users'

// A new password ends the user's other sessions; this one continues with a new CSRF token.
export default defineApiHandler(async (event) => {
  const caller = await requireUser(event)
  const { currentPassword, newPassword } = await readBodyAs(event, PasswordChange)
  const sessionVersion = await changePassword(await useDatabase(), caller.id, currentPassword, newPassword)
  const session = await startSession(event, { id: caller.id, email: caller.name, role: caller.role, sessionVersion })
  return { data: describeSession(session) }
})
