import { uptimeOperations } from '../../../../openapi/operations/uptime'
import { getComponentUptime } from '../../../services/uptime'

export default defineOperationHandler(uptimeOperations.getComponentUptime, async ({ params, query }) =>
  getComponentUptime(await useDatabase(), params.componentId, query.timeZone), { cached: true })
