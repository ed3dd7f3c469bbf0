import { deleteIncidentUpdate } from '../../../../services/incident-updates'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  await deleteIncidentUpdate(await useDatabase(), routeId(event, 'incidentId'), routeOrder(event, 'updateOrder'))
  return noContent(event)
})
