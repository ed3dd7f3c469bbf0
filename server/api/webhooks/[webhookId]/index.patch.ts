import { webhookOperations } from '../../../../openapi/operations/webhooks'
import { updateWebhook } from '../../../services/webhooks'

export default defineOperationHandler(webhookOperations.updateWebhook, async ({ params, body }) => {
  await updateWebhook(await useDatabase(), params.webhookId, body)
})
