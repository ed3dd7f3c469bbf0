// The subscribe form of /subscribe, without JavaScript: like POST /api/subscriptions, limits
// included, then to a page that asks the visitor to look in their mailbox, whatever the address's state.
import { SubscriptionRequest } from '../../openapi/subscription-schemas'
import { subscribeFrom } from '../notify/subscribe-limits'
import { defineFormHandler, scopeOf } from '../notify/subscription-form'

export default defineFormHandler({
  back: () => '/subscribe',
  async handle(event, form) {
    await subscribeFrom(event, parseBody(SubscriptionRequest, { email: form.get('email') ?? '', ...scopeOf(form) }))
    return '/subscriptions/sent'
  },
})
