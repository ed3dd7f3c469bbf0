import { webhookOperations } from '../../../../openapi/operations/webhooks'
import { listDeliveries } from '../../../services/webhooks'

export default defineOperationHandler(webhookOperations.getWebhookDeliveries, async ({ params }) => listDeliveries(await useDatabase(), params.webhookId))
