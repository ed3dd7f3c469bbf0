import { SeverityRequest } from '../../../openapi/schemas'
import { createSeverity } from '../../services/severities'

// SCS answers a created severity with 204: its name is its identity.
export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  await createSeverity(await useDatabase(), await readBodyAs(event, SeverityRequest))
  return noContent(event)
})
