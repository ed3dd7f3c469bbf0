import { queueOperations } from '../../../../openapi/operations/queue'
import { useJobs } from '../../../notify/notifications'
import { listDeadDeliveries } from '../../../notify/queue-health'

export default defineOperationHandler(queueOperations.getDeadDeliveries, async () => listDeadDeliveries(await useDatabase(), await useJobs()))
