import { userOperations } from '../../../openapi/operations/admin'
import { createUser } from '../../services/users'

export default defineOperationHandler(userOperations.createUser, async ({ body }) => createUser(await useDatabase(), body))
