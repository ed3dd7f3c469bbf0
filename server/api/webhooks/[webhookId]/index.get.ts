import { webhookOperations } from '../../../../openapi/operations/webhooks'
import { getWebhook } from '../../../services/webhooks'

export default defineOperationHandler(webhookOperations.getWebhook, async ({ params }) => getWebhook(await useDatabase(), params.webhookId))
