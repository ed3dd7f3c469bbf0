import { incidentOperations } from '../../../../../openapi/operations/scs'
import { incidentUpdateResource, updateIncidentUpdate } from '../../../../services/incident-updates'

export default defineOperationHandler(incidentOperations.updateIncidentUpdate, async ({ event, params, body }) => {
  await writeIfMatch(event, incidentUpdateResource(params.incidentId, params.updateOrder), db =>
    updateIncidentUpdate(db, params.incidentId, params.updateOrder, body))
})
