import { severityOperations } from '../../../openapi/operations/scs'
import { createSeverity } from '../../services/severities'

export default defineOperationHandler(severityOperations.createSeverity, async ({ body }) => {
  await createSeverity(await useDatabase(), body)
})
