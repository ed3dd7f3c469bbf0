import { subscriptionOperations } from '../../../../openapi/operations/subscriptions'
import { updateSubscription } from '../../../services/subscriptions'

export default defineOperationHandler(subscriptionOperations.updateSubscription, async ({ params, body }) => {
  await updateSubscription(await useDatabase(), params.token, body)
})
