import { incidentOperations } from '../../../../../openapi/operations/scs'
import { getIncidentUpdate } from '../../../../services/incident-updates'

export default defineOperationHandler(incidentOperations.getIncidentUpdate, async ({ params }) =>
  getIncidentUpdate(await useDatabase(), params.incidentId, params.updateOrder), { cached: true })
