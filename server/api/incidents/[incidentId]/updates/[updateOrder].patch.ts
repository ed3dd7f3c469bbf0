import { incidentOperations } from '../../../../../openapi/operations/scs'
import { updateIncidentUpdate } from '../../../../services/incident-updates'

export default defineOperationHandler(incidentOperations.updateIncidentUpdate, async ({ params, body }) => {
  await updateIncidentUpdate(await useDatabase(), params.incidentId, params.updateOrder, body)
})
