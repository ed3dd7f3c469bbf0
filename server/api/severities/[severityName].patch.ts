import { severityOperations } from '../../../openapi/operations/scs'
import { updateSeverity } from '../../services/severities'

export default defineOperationHandler(severityOperations.updateSeverity, async ({ params, body }) => {
  await updateSeverity(await useDatabase(), params.severityName, body)
})
