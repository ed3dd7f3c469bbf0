import { subscriptionOperations } from '../../../openapi/operations/subscriptions'
import { confirmSubscription } from '../../services/subscriptions'

export default defineOperationHandler(subscriptionOperations.confirmSubscription, async ({ body }) => confirmSubscription(await useDatabase(), body.token))
