import { IncidentRequest } from '../../../../openapi/schemas'
import { updateIncident } from '../../../services/incidents'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const id = routeId(event, 'incidentId')
  const patch = await readBodyAs(event, IncidentRequest.partial())
  await updateIncident(await useDatabase(), id, patch)
  return noContent(event)
})
