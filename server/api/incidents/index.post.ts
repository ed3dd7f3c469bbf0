import { incidentOperations } from '../../../openapi/operations/scs'
import { createIncident } from '../../services/incidents'

export default defineOperationHandler(incidentOperations.createIncident, async ({ body }) => createIncident(await useDatabase(), body))
