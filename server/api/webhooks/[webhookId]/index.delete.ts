import { webhookOperations } from '../../../../openapi/operations/webhooks'
import { deleteWebhook } from '../../../services/webhooks'

export default defineOperationHandler(webhookOperations.deleteWebhook, async ({ params }) => {
  await deleteWebhook(await useDatabase(), params.webhookId)
})
