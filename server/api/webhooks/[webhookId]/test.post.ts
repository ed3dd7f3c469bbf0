import { webhookOperations } from '../../../../openapi/operations/webhooks'
import { queueTestDelivery } from '../../../notify/test-delivery'

export default defineOperationHandler(webhookOperations.testWebhook, async ({ params }) => {
  await queueTestDelivery(await useDatabase(), params.webhookId)
})
