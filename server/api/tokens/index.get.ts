import { tokenOperations } from '../../../openapi/operations/admin'
import { listTokens } from '../../services/tokens'

export default defineOperationHandler(tokenOperations.getTokens, async () => listTokens(await useDatabase()))
