import { severityOperations } from '../../../openapi/operations/scs'
import { deleteSeverity, severityResource } from '../../services/severities'

export default defineOperationHandler(severityOperations.deleteSeverity, async ({ event, params }) => {
  await writeIfMatch(event, severityResource(params.severityName), db => deleteSeverity(db, params.severityName))
})
