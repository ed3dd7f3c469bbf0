import { IncidentUpdateRequest } from '../../../../../openapi/schemas'
import { createIncidentUpdate } from '../../../../services/incident-updates'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const id = routeId(event, 'incidentId')
  const input = await readBodyAs(event, IncidentUpdateRequest)
  return created(event, await createIncidentUpdate(await useDatabase(), id, input))
})
