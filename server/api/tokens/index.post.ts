import { tokenOperations } from '../../../openapi/operations/admin'
import { createToken } from '../../services/tokens'

export default defineOperationHandler(tokenOperations.createToken, async ({ body: { name, scope } }) => {
  const { token } = await createToken(await useDatabase(), name, scope)
  return { name, token }
})
