import { deleteIncident } from '../../../services/incidents'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  await deleteIncident(await useDatabase(), routeId(event, 'incidentId'))
  return noContent(event)
})
