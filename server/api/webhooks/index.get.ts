import { webhookOperations } from '../../../openapi/operations/webhooks'
import { listWebhooks } from '../../services/webhooks'

export default defineOperationHandler(webhookOperations.getWebhooks, async () => listWebhooks(await useDatabase()))
