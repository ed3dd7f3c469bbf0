// The button of the confirmation page (a POST, so that mail scanners following the link confirm
// nothing); back to the page, which then shows the confirmed subscription.
import { SubscriptionToken } from '../../../openapi/subscription-schemas'
import { defineFormHandler, pageOf } from '../../notify/subscription-form'
import { confirmSubscription } from '../../services/subscriptions'

const PAGE = '/subscriptions/confirm'

export default defineFormHandler({
  back: form => pageOf(PAGE, form?.get('token')),
  async handle(_, form) {
    const token = parseWith(SubscriptionToken, form.get('token'), 'token')
    await confirmSubscription(await useDatabase(), token)
    return pageOf(PAGE, token)
  },
})
