import { incidentOperations } from '../../../../openapi/operations/scs'
import { deleteIncident } from '../../../services/incidents'

export default defineOperationHandler(incidentOperations.deleteIncident, async ({ params }) => {
  await deleteIncident(await useDatabase(), params.incidentId)
})
