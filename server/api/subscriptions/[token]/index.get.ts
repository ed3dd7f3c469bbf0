import { subscriptionOperations } from '../../../../openapi/operations/subscriptions'
import { getSubscription } from '../../../services/subscriptions'

export default defineOperationHandler(subscriptionOperations.getSubscription, async ({ params }) => getSubscription(await useDatabase(), params.token))
