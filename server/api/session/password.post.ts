import { PasswordChange } from '../../../openapi/admin-schemas'
import { changePassword } from '../../services/users'

// A new password ends the user's other sessions; this one continues with a new CSRF token.
// Wrong current passwords are slowed down, or a stolen session could guess the password.
export default defineApiHandler(async (event) => {
  const caller = await requireUser(event)
  const { currentPassword, newPassword } = await readBodyAs(event, PasswordChange)
  const db = await useDatabase()
  const sessionVersion = await limitPasswordChecks(event, caller.id, () => changePassword(db, caller.id, currentPassword, newPassword))
  const session = await startSession(event, { id: caller.id, email: caller.name, role: caller.role, sessionVersion })
  return { data: describeSession(session) }
})
