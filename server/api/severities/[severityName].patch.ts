import { severityOperations } from '../../../openapi/operations/scs'
import { severityResource, updateSeverity } from '../../services/severities'

export default defineOperationHandler(severityOperations.updateSeverity, async ({ event, params, body }) => {
  await writeIfMatch(event, severityResource(params.severityName), db => updateSeverity(db, params.severityName, body))
})
