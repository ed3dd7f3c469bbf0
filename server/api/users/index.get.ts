import { userOperations } from '../../../openapi/operations/admin'
import { listUsers } from '../../services/users'

export default defineOperationHandler(userOperations.getUsers, async () => listUsers(await useDatabase()))
