// Schemas of the job queue's health, for admins: counts per queue and the deliveries that died.
// Like ./schemas.ts, the source of validation, types and the OpenAPI document.
import { z } from 'zod'
import { Id, Instant, named } from './schemas.ts'
import { DeliveryOutcome } from './webhook-schemas.ts'

export const QUEUE_NAMES = ['notify-relay', 'maintenance-edge', 'beacon-check', 'webhook-delivery', 'mail-delivery', 'mail-dead'] as const
export const DEAD_QUEUES = ['webhook-delivery', 'mail-delivery', 'mail-dead'] as const

export const QueueCounts = named('QueueCounts', 'The jobs of one queue by state: waiting for their first try, being worked, waiting to be tried again, and failed after their last try.', z.strictObject({
  name: z.enum(QUEUE_NAMES),
  waiting: z.int().min(0),
  active: z.int().min(0),
  retrying: z.int().min(0),
  failed: z.int().min(0),
}))

export const DeadDelivery = named('DeadDelivery', 'A mail or webhook delivery whose every try failed: its job, what it was for (the recipient\'s address or the receiver\'s URL, absent when removed since, and the event kind, `confirmation` or `webhook.test`), when its last try failed and why: `error` in the words of the mail server, the job queue or the network, and for a webhook delivery `outcome`, what became of its last logged try.', z.strictObject({
  id: Id,
  queue: z.enum(DEAD_QUEUES),
  channel: z.enum(['mail', 'webhook']),
  recipient: z.string().optional(),
  event: z.string(),
  diedAt: Instant,
  outcome: DeliveryOutcome.optional(),
  error: z.string().optional(),
}))

export type QueueCountsData = z.infer<typeof QueueCounts>
export type DeadDeliveryData = z.infer<typeof DeadDelivery>
