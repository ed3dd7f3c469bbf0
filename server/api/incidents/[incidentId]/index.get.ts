import { incidentOperations } from '../../../../openapi/operations/scs'
import { getIncident } from '../../../services/incidents'

export default defineOperationHandler(incidentOperations.getIncident, async ({ params }) =>
  getIncident(await useDatabase(), params.incidentId), { cached: true })
