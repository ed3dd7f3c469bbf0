import { auditOperations } from '../../../openapi/operations/admin'
import { listAudit } from '../../services/audit'

export default defineOperationHandler(auditOperations.getAuditLog, async ({ query }) => listAudit(await useDatabase(), query))
