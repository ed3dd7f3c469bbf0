import { incidentOperations } from '../../../../openapi/operations/scs'
import { deleteIncident, incidentResource } from '../../../services/incidents'

export default defineOperationHandler(incidentOperations.deleteIncident, async ({ event, params }) => {
  await writeIfMatch(event, incidentResource(params.incidentId), db => deleteIncident(db, params.incidentId))
})
