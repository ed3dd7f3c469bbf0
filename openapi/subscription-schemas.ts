// Schemas of email subscriptions: subscribing (anyone), managing one's own through the secret of
// its links, and the admins' list. Like ./schemas.ts, the source of validation, types and docs.
import { z } from 'zod'
import { LOCALES } from '../shared/i18n/index.ts'
import { isTimeZone } from '../shared/preferences.ts'
import { Email } from './admin-schemas.ts'
import { Id, Instant, Labels, named } from './schemas.ts'

export const SubscriptionToken = named('SubscriptionToken', 'The secret of a subscription\'s links, from its mails.', z.string().regex(/^[\w-]{43}$/, 'not a subscription link'))

const Scope = {
  components: z.array(Id).max(1000).optional(),
  labels: Labels.optional(),
  locale: z.enum(LOCALES).optional(),
  timeZone: z.string().max(64).refine(isTimeZone, 'not an IANA time zone').optional(),
}

export const SubscriptionRequest = named('SubscriptionRequest', 'An address and what it wants to hear of: without `components` and `labels` everything; else incidents affecting one of the components, or a component carrying one of the labels (also one that gets it later). Mails are in `locale` (default en) with times in `timeZone` (default UTC).', z.strictObject({
  email: Email,
  ...Scope,
}))

export const SubscriptionChange = named('SubscriptionChange', 'What a subscription covers, its language or time zone; any subset.', z.strictObject(Scope))

export const SubscriptionConfirmation = named('SubscriptionConfirmation', 'The secret from the confirmation mail\'s link.', z.strictObject({ token: SubscriptionToken }))

export const SubscriptionAccepted = named('SubscriptionAccepted', 'The same answer whether or not the address was subscribed before: a confirmation mail (or, for a confirmed address, a mail with its manage link) is on its way.', z.strictObject({
  status: z.literal('pending'),
}))

export const SubscriptionData = named('SubscriptionData', 'A subscription as its owner sees it.', z.strictObject({
  email: z.string(),
  components: z.array(Id),
  labels: Labels,
  locale: z.enum(LOCALES),
  timeZone: z.string(),
  confirmed: z.boolean(),
  createdAt: Instant,
}))

export const SubscriberData = named('SubscriberData', 'A subscriber, for admins.', SubscriptionData.extend({ id: Id }))

export type NewSubscription = z.infer<typeof SubscriptionRequest>
export type SubscriptionScope = z.infer<typeof SubscriptionChange>
export type Subscriber = z.infer<typeof SubscriberData>
