import { UserRequest } from '../../../openapi/admin-schemas'
import { createUser } from '../../services/users'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const input = await readBodyAs(event, UserRequest)
  return created(event, await createUser(await useDatabase(), input))
})
