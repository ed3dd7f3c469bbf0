import { incidentOperations } from '../../../../../openapi/operations/scs'
import { createIncidentUpdate } from '../../../../services/incident-updates'

export default defineOperationHandler(incidentOperations.createIncidentUpdate, async ({ params, body }) =>
  createIncidentUpdate(await useDatabase(), params.incidentId, body))
