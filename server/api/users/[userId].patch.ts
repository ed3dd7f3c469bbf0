import { userOperations } from '../../../openapi/operations/admin'
import { updateUser } from '../../services/users'

export default defineOperationHandler(userOperations.updateUser, async ({ params, body }) => {
  await updateUser(await useDatabase(), params.userId, body)
})
