import { incidentOperations } from '../../../../../openapi/operations/scs'
import { listIncidentUpdates } from '../../../../services/incident-updates'

export default defineOperationHandler(incidentOperations.getIncidentUpdates, async ({ params }) =>
  listIncidentUpdates(await useDatabase(), params.incidentId), { cached: true })
