import { AuditQuery } from '../../../openapi/admin-schemas'
import { listAudit } from '../../services/audit'

export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  return { data: await listAudit(await useDatabase(), queryAs(event, AuditQuery)) }
})
