import { deleteSeverity } from '../../services/severities'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  await deleteSeverity(await useDatabase(), getRouterParam(event, 'severityName', { decode: true })!)
  return noContent(event)
})
