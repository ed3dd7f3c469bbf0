import { IncidentRequest } from '../../../openapi/schemas'
import { createIncident } from '../../services/incidents'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const input = await readBodyAs(event, IncidentRequest)
  return created(event, await createIncident(await useDatabase(), input))
})
