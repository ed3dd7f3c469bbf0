import { uptimeOperations } from '../../openapi/operations/uptime'
import { listUptime } from '../services/uptime'

export default defineOperationHandler(uptimeOperations.getUptime, async ({ query }) => listUptime(await useDatabase(), query.timeZone), { cached: true })
