import { severityOperations } from '../../../openapi/operations/scs'
import { getSeverity } from '../../services/severities'

export default defineOperationHandler(severityOperations.getSeverity, async ({ params }) =>
  getSeverity(await useDatabase(), params.severityName), { cached: true })
