import { TokenRequest } from '../../../openapi/admin-schemas'
import { createToken } from '../../services/tokens'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const { name, scope } = await readBodyAs(event, TokenRequest)
  const { token } = await createToken(await useDatabase(), name, scope)
  return created(event, { name, token })
})
