import { revokeToken } from '../../services/tokens'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  await revokeToken(await useDatabase(), getRouterParam(event, 'tokenName', { decode: true })!)
  return noContent(event)
})
