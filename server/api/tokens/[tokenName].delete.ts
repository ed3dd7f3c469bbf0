import { revokeToken } from '../../services/tokens'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  await revokeToken(await useDatabase(), routeText(event, 'tokenName'))
  return noContent(event)
})
