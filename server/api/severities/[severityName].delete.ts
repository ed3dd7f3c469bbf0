import { deleteSeverity } from '../../services/severities'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  await deleteSeverity(await useDatabase(), routeText(event, 'severityName'))
  return noContent(event)
})
