import { subscriptionOperations } from '../../../../openapi/operations/subscriptions'
import { deleteSubscription } from '../../../services/subscriptions'

export default defineOperationHandler(subscriptionOperations.deleteSubscription, async ({ params }) => {
  await deleteSubscription(await useDatabase(), params.token)
})
