import { incidentOperations } from '../../../../../openapi/operations/scs'
import { deleteIncidentUpdate, incidentUpdateResource } from '../../../../services/incident-updates'

export default defineOperationHandler(incidentOperations.deleteIncidentUpdate, async ({ event, params }) => {
  await writeIfMatch(event, incidentUpdateResource(params.incidentId, params.updateOrder), db =>
    deleteIncidentUpdate(db, params.incidentId, params.updateOrder))
})
