import { subscriberOperations } from '../../../openapi/operations/subscriptions'
import { deleteSubscriber } from '../../services/subscriptions'

export default defineOperationHandler(subscriberOperations.deleteSubscriber, async ({ params }) => {
  await deleteSubscriber(await useDatabase(), params.subscriberId)
})
