// The manage page's delete button: the subscription and everything kept about it go.
import { SubscriptionToken } from '../../../openapi/subscription-schemas'
import { defineFormHandler, pageOf } from '../../notify/subscription-form'
import { deleteSubscription } from '../../services/subscriptions'

export default defineFormHandler({
  back: form => pageOf('/subscriptions/manage', form?.get('token')),
  async handle(_, form) {
    await deleteSubscription(await useDatabase(), parseWith(SubscriptionToken, form.get('token'), 'token'))
    return '/subscriptions/deleted'
  },
})
