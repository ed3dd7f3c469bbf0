import { incidentOperations } from '../../../../openapi/operations/scs'
import { incidentResource, updateIncident } from '../../../services/incidents'

export default defineOperationHandler(incidentOperations.updateIncident, async ({ event, params, body }) => {
  await writeIfMatch(event, incidentResource(params.incidentId), db => updateIncident(db, params.incidentId, body))
})
