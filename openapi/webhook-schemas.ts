// Schemas of outgoing webhooks: registering receivers (admins only) and what a receiver gets.
// Like ./schemas.ts, the source of validation, types and the OpenAPI document.
import { z } from 'zod'
import { EVENT_KINDS, TEST_EVENT } from '../shared/events.ts'
import {
  ComponentResponseData, Id, IncidentResponseData, IncidentUpdateResponseData, Instant, Labels, named,
} from './schemas.ts'

export const EventKind = named('EventKind', 'What happened: an incident opened, updated, resolved or reopened; maintenance scheduled, changed, cancelled, started or ended.', z.enum(EVENT_KINDS))

const ReceiverUrl = z.url({ protocol: /^https?$/ }).max(2000)
  .refine(url => !/[\\\s]/.test(url), 'must not contain backslashes or white space')

export const WebhookRequest = named('WebhookRequest', 'A webhook receiver to register; PATCH takes any subset. Without `events` it gets every kind; `components` and `labels` narrow it to incidents affecting one of those components, or a component carrying one of those labels.', z.strictObject({
  url: ReceiverUrl,
  events: z.array(EventKind).max(EVENT_KINDS.length).optional(),
  components: z.array(Id).max(1000).optional(),
  labels: Labels.optional(),
  active: z.boolean().optional(),
}))

export const WebhookResponseData = named('WebhookResponseData', 'A registered webhook receiver (never its secret). When delivery stopped by itself, `pausedBecause` says why as a code for clients to word in their own language (`deliveries_failed`: every try of a delivery failed) and `pausedReason` in an English sentence.', z.strictObject({
  id: Id,
  url: z.string(),
  events: z.array(EventKind),
  components: z.array(Id),
  labels: Labels,
  active: z.boolean(),
  pausedBecause: z.enum(['deliveries_failed']).optional(),
  pausedReason: z.string().optional(),
  createdAt: Instant,
}))

export const WebhookCreated = named('WebhookCreated', 'The new receiver with its signing secret (Standard Webhooks, `whsec_…`), shown only this once.', WebhookResponseData.extend({
  secret: z.string(),
}))

export const DELIVERY_OUTCOMES = ['delivered', 'refused', 'timeout', 'unreachable'] as const

export const DeliveryOutcome = named('DeliveryOutcome', 'What became of a delivery attempt: `delivered` (the receiver answered 2xx), `refused` (it answered anything else, a redirect too), `timeout` (no answer within 10 s), `unreachable` (no connection, e.g. a name that does not resolve, a refused connection or a private address; `error` says what the network reported).', z.enum(DELIVERY_OUTCOMES))

export const WebhookDelivery = named('WebhookDelivery', 'One delivery attempt: the message id (`webhook-id`), the event, the attempt number, the receiver\'s status code (absent when it gave none), the `outcome` for clients to word in their own language, and `error`, an English text for developers, absent when the receiver took it.', z.strictObject({
  messageId: z.string(),
  event: z.string(),
  attempt: z.int().min(1),
  at: Instant,
  statusCode: z.int().optional(),
  durationMs: z.int().min(0),
  outcome: DeliveryOutcome,
  error: z.string().optional(),
}))

export const WebhookPayload = named('WebhookPayload', 'The body of every delivery (Standard Webhooks): the event kind, when it happened, and the incident and its components as the SCS API returns them, with the update for events that come from one. Signed in the `webhook-id`, `webhook-timestamp` and `webhook-signature` headers.', z.strictObject({
  type: z.enum([...EVENT_KINDS, TEST_EVENT]),
  timestamp: Instant,
  data: z.strictObject({
    incident: IncidentResponseData,
    components: z.array(ComponentResponseData),
    update: IncidentUpdateResponseData.optional(),
  }),
}))

export type WebhookData = z.infer<typeof WebhookResponseData>
export type DeliveryOutcomeData = z.infer<typeof DeliveryOutcome>
export type NewWebhook = z.infer<typeof WebhookRequest>
