import { tokenOperations } from '../../../openapi/operations/admin'
import { revokeToken } from '../../services/tokens'

export default defineOperationHandler(tokenOperations.revokeToken, async ({ params }) => {
  await revokeToken(await useDatabase(), params.tokenName)
})
