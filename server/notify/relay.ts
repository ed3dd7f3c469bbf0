// Turns recorded events into deliveries: one queued job per webhook receiver and per confirmed
// subscriber that wants the event, queued in the transaction that marks the event relayed, so that
// an event is relayed once and completely, whichever instance gets to it first (SKIP LOCKED). Job
// ids follow from the event and the recipient, so nothing is ever queued twice.
import { asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { notificationEvents, subscriptions, webhooks } from '../../db/schema.ts'
import { stableId, type Jobs } from './queue.ts'
import type { EventPayload } from './events.ts'
import { scheduleMaintenanceEdges } from './maintenance-edges.ts'
import { inTransaction, type MailJob } from './mail-jobs.ts'
import { QUEUES } from './queue-names.ts'

type EventRow = typeof notificationEvents.$inferSelect
type WebhookRow = typeof webhooks.$inferSelect

type Scope = Pick<WebhookRow, 'componentIds' | 'labels'>

/**
 * Whether an event is in a scope: none (no components, no labels) takes everything; else one of
 * the event's components is named, or carries one of the labels (as it did at the event).
 */
export function inScope({ componentIds, labels }: Scope, event: Pick<EventRow, 'payload'>): boolean {
  const wanted = Object.entries(labels)
  if (componentIds.length === 0 && wanted.length === 0) return true
  const { components } = event.payload as EventPayload
  return components.some(component => componentIds.includes(component.id)
    || wanted.some(([key, value]) => component.labels[key] === value))
}

/** Whether a receiver wants an event: its kinds, and its scope. */
export const wants = (webhook: Scope & Pick<WebhookRow, 'events'>, event: Pick<EventRow, 'kind' | 'payload'>) =>
  (webhook.events.length === 0 || webhook.events.includes(event.kind)) && inScope(webhook, event)

const batch = 100

/** Relays every event not relayed yet; returns how many it relayed. */
export async function relayEvents(db: Database, jobs: Jobs): Promise<number> {
  let relayed = 0
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const events = await tx.select().from(notificationEvents).where(isNull(notificationEvents.relayedAt))
        .orderBy(asc(notificationEvents.occurredAt)).limit(batch).for('update', { skipLocked: true })
      if (events.length === 0) return 0
      const receivers = await tx.select().from(webhooks).where(eq(webhooks.active, true))
      const subscribers = await tx.select({ id: subscriptions.id, componentIds: subscriptions.componentIds, labels: subscriptions.labels })
        .from(subscriptions).where(isNotNull(subscriptions.confirmedAt))
      const options = inTransaction(tx)
      for (const event of events) {
        for (const webhook of receivers.filter(receiver => wants(receiver, event))) {
          await jobs.send(QUEUES.webhook, { webhookId: webhook.id, eventId: event.id }, { ...options, id: stableId(event.id, webhook.id) })
        }
        const mails = subscribers.filter(subscriber => inScope(subscriber, event)).map(subscriber => ({
          id: stableId(event.id, subscriber.id),
          data: { kind: 'event', subscriptionId: subscriber.id, eventId: event.id } satisfies MailJob,
        }))
        // In one statement: an event may go to many thousands of subscribers.
        if (mails.length > 0) await jobs.insert(QUEUES.mail, mails, options)
        await scheduleMaintenanceEdges(jobs, event, options)
      }
      await tx.update(notificationEvents).set({ relayedAt: new Date() }).where(inArray(notificationEvents.id, events.map(event => event.id)))
      return events.length
    })
    relayed += count
    if (count < batch) return relayed
  }
}
