import { subscriptionOperations } from '../../../../openapi/operations/subscriptions'
import { deleteSubscription } from '../../../services/subscriptions'

// The body (`List-Unsubscribe=One-Click`, form-encoded) says nothing more than the URL.
export default defineOperationHandler(subscriptionOperations.unsubscribe, async ({ params }) => {
  await deleteSubscription(await useDatabase(), params.token)
})
