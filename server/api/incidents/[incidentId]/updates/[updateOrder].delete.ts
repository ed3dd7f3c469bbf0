import { incidentOperations } from '../../../../../openapi/operations/scs'
import { deleteIncidentUpdate } from '../../../../services/incident-updates'

export default defineOperationHandler(incidentOperations.deleteIncidentUpdate, async ({ params }) => {
  await deleteIncidentUpdate(await useDatabase(), params.incidentId, params.updateOrder)
})
