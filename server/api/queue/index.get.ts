import { queueOperations } from '../../../openapi/operations/queue'
import { useJobs } from '../../notify/notifications'
import { countQueues } from '../../notify/queue-health'

export default defineOperationHandler(queueOperations.getQueues, async () => countQueues(await useJobs()))
