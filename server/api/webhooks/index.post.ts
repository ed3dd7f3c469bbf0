import { webhookOperations } from '../../../openapi/operations/webhooks'
import { createWebhook } from '../../services/webhooks'

export default defineOperationHandler(webhookOperations.createWebhook, async ({ body }) => createWebhook(await useDatabase(), body))
