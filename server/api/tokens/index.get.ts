import { listTokens } from '../../services/tokens'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return { data: await listTokens(await useDatabase()) }
})
