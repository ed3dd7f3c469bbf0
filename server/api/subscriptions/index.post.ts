import { subscriptionOperations } from '../../../openapi/operations/subscriptions'
import { subscribeFrom } from '../../notify/subscribe-limits'

export default defineOperationHandler(subscriptionOperations.subscribe, async ({ event, body }) => {
  await subscribeFrom(event, body)
  return { status: 'pending' as const }
})
