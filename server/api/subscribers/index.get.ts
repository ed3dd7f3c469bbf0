import { subscriberOperations } from '../../../openapi/operations/subscriptions'
import { listSubscribers } from '../../services/subscriptions'

export default defineOperationHandler(subscriberOperations.getSubscribers, async () => listSubscribers(await useDatabase()))
