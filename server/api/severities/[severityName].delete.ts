import { severityOperations } from '../../../openapi/operations/scs'
import { deleteSeverity } from '../../services/severities'

export default defineOperationHandler(severityOperations.deleteSeverity, async ({ params }) => {
  await deleteSeverity(await useDatabase(), params.severityName)
})
