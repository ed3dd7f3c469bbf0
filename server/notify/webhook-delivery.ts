// Sending one event to one webhook receiver, as the Standard Webhooks specification has it: the
// message id, timestamp and HMAC-SHA256 signature in `webhook-*` headers, so that receivers verify
// with the existing libraries. A job of the queue: a failure throws, and pg-boss tries again with
// backoff; the attempt is logged either way.
import { Webhook } from 'standardwebhooks'
import { Agent, fetch } from 'undici'
import type { Database } from '../../db/client.ts'
import { notificationEvents, webhookDeliveries } from '../../db/schema.ts'
import { TEST_EVENT } from '../../shared/events.ts'
import { eq } from 'drizzle-orm'
import { config } from '../config.ts'
import { findWebhook } from '../services/webhooks.ts'
import { DELIVERY_TIMEOUT_MS, TIMEOUT_ERROR } from './delivery-outcome.ts'
import { publicOnlyLookup } from './receiver-address.ts'
import type { EventPayload } from './events.ts'

export interface DeliveryJob {
  webhookId: string
  /** The event to send; absent for a test delivery, which sends `test` instead. */
  eventId?: string
  test?: { incident: EventPayload['incident'], components: EventPayload['components'] }
}

const agent = new Agent({
  connect: { timeout: DELIVERY_TIMEOUT_MS, ...(!config.STATUS_PAGE_WEBHOOK_ALLOW_PRIVATE && { lookup: publicOnlyLookup }) },
})

/** What a delivery sends: the body, and the event kind for the log. */
async function messageOf(db: Database, job: DeliveryJob): Promise<{ kind: string, body: string } | undefined> {
  if (job.test) return { kind: TEST_EVENT, body: JSON.stringify({ type: TEST_EVENT, timestamp: new Date().toISOString(), data: job.test }) }
  const [event] = await db.select().from(notificationEvents).where(eq(notificationEvents.id, job.eventId!))
  if (!event) return undefined
  return { kind: event.kind, body: JSON.stringify({ type: event.kind, timestamp: event.occurredAt.toISOString(), data: event.payload }) }
}

/** Sends a delivery; throws when the receiver did not take it (anything but a 2xx). */
export async function deliverWebhook(db: Database, messageId: string, attempt: number, job: DeliveryJob) {
  const webhook = await findWebhook(db, job.webhookId)
  // A receiver removed or paused since gets nothing, however often this job is tried.
  if (!webhook || (!webhook.active && !job.test)) return
  const message = await messageOf(db, job)
  if (!message) return
  const timestamp = new Date()
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'scs-status-page-webhooks',
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(webhook.secret).sign(messageId, timestamp, message.body),
  }
  const started = performance.now()
  let statusCode: number | undefined
  let error: string | undefined
  try {
    // Redirects are not followed: a receiver must answer where it was registered.
    const response = await fetch(webhook.url, {
      method: 'POST', headers, body: message.body, redirect: 'manual', dispatcher: agent, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    })
    statusCode = response.status
    await response.body?.cancel()
    if (statusCode < 200 || statusCode > 299) error = `the receiver answered ${statusCode}`
  }
  catch (failure) {
    const cause = (failure as { cause?: Error }).cause ?? failure as Error
    error = cause.name === 'TimeoutError' ? TIMEOUT_ERROR : cause.message
  }
  await db.insert(webhookDeliveries).values({
    webhookId: webhook.id,
    messageId,
    eventKind: message.kind,
    attempt,
    statusCode,
    durationMs: Math.round(performance.now() - started),
    error,
  })
  if (error) throw new Error(error)
}
