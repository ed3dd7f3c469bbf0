import { severityOperations } from '../../../openapi/operations/scs'
import { listSeverities } from '../../services/severities'

export default defineOperationHandler(severityOperations.getSeverities, async () => listSeverities(await useDatabase()), { cached: true })
