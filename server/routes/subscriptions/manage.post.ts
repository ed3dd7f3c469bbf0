// The manage page's form: what the subscription covers, its language and time zone.
import { SubscriptionChange, SubscriptionToken } from '../../../openapi/subscription-schemas'
import { defineFormHandler, pageOf, scopeOf } from '../../notify/subscription-form'
import { updateSubscription } from '../../services/subscriptions'

const PAGE = '/subscriptions/manage'

export default defineFormHandler({
  back: form => pageOf(PAGE, form?.get('token')),
  async handle(_, form) {
    const token = parseWith(SubscriptionToken, form.get('token'), 'token')
    await updateSubscription(await useDatabase(), token, parseBody(SubscriptionChange, scopeOf(form)))
    return pageOf(PAGE, token, { saved: '1' })
  },
})
