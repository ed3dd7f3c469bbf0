import { UserPatch } from '../../../openapi/admin-schemas'
import { updateUser } from '../../services/users'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const id = routeId(event, 'userId')
  await updateUser(await useDatabase(), id, await readBodyAs(event, UserPatch))
  return noContent(event)
})
