import { incidentOperations } from '../../../openapi/operations/scs'
import { listIncidents } from '../../services/incidents'

export default defineOperationHandler(incidentOperations.getIncidents, async ({ query: { start, end } }) =>
  listIncidents(await useDatabase(), new Date(start), new Date(end)), { cached: true })
