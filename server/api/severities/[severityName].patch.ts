import { SeverityRequest } from '../../../openapi/schemas'
import { updateSeverity } from '../../services/severities'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const name = routeText(event, 'severityName')
  const patch = await readBodyAs(event, SeverityRequest.partial())
  await updateSeverity(await useDatabase(), name, patch)
  return noContent(event)
})
