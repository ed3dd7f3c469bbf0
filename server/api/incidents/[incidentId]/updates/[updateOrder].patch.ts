import { IncidentUpdateRequest } from '../../../../../openapi/schemas'
import { updateIncidentUpdate } from '../../../../services/incident-updates'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const id = routeId(event, 'incidentId')
  const order = routeOrder(event, 'updateOrder')
  const patch = await readBodyAs(event, IncidentUpdateRequest.partial())
  await updateIncidentUpdate(await useDatabase(), id, order, patch)
  return noContent(event)
})
