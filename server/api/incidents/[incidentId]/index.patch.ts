import { incidentOperations } from '../../../../openapi/operations/scs'
import { updateIncident } from '../../../services/incidents'

export default defineOperationHandler(incidentOperations.updateIncident, async ({ params, body }) => {
  await updateIncident(await useDatabase(), params.incidentId, body)
})
