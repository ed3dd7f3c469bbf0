import { queueOperations } from '../../../../../openapi/operations/queue'
import { useJobs } from '../../../../notify/notifications'
import { retryDeadDelivery } from '../../../../notify/queue-health'

export default defineOperationHandler(queueOperations.retryDeadDelivery, async ({ params }) => {
  await retryDeadDelivery(await useDatabase(), await useJobs(), params.jobId)
})
