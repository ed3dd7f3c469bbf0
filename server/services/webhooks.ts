// Webhook receivers: registered by admins, each with a signing secret that we generate and show
// once. Deliveries are the job queue's (server/notify/webhook-delivery.ts).
import { randomBytes } from 'node:crypto'
import { desc, eq } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { webhookDeliveries, webhooks } from '../../db/schema.ts'
import type { NewWebhook, WebhookData } from '../../openapi/webhook-schemas.ts'
import type { EventKind } from '../../shared/events.ts'
import { omitNull } from '../../db/values.ts'
import { config } from '../config.ts'
import { invalidField, notFound } from '../problem.ts'
import { deliveryOutcome } from '../notify/delivery-outcome.ts'
import { isSpecialAddress } from '../notify/receiver-address.ts'

type WebhookRow = typeof webhooks.$inferSelect

const toWebhookData = (row: WebhookRow): WebhookData => omitNull({
  id: row.id,
  url: row.url,
  events: row.events as EventKind[],
  components: row.componentIds,
  labels: row.labels,
  active: row.active,
  // The one reason the server pauses a receiver for (pauseWebhook).
  pausedBecause: row.pausedReason === null ? null : 'deliveries_failed' as const,
  pausedReason: row.pausedReason,
  createdAt: row.createdAt.toISOString(),
})

/** A receiver named by an address literal is checked here already; names are checked when sending. */
function assertReceiverAllowed(url: string) {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
  if (!config.STATUS_PAGE_WEBHOOK_ALLOW_PRIVATE && (host === 'localhost' || (/^[\d.]+$|:/.test(host) && isSpecialAddress(host)))) {
    throw invalidField('url', 'a receiver on a loopback, private or link-local address needs STATUS_PAGE_WEBHOOK_ALLOW_PRIVATE=true')
  }
}

export async function listWebhooks(db: Queryable): Promise<WebhookData[]> {
  return (await db.select().from(webhooks).orderBy(webhooks.createdAt, webhooks.id)).map(toWebhookData)
}

export async function findWebhook(db: Queryable, id: string): Promise<WebhookRow | undefined> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id))
  return row
}

export async function getWebhook(db: Queryable, id: string): Promise<WebhookData> {
  const row = await findWebhook(db, id)
  if (!row) throw notFound(`No webhook with id ${id}.`)
  return toWebhookData(row)
}

export async function createWebhook(db: Queryable, input: NewWebhook): Promise<WebhookData & { secret: string }> {
  assertReceiverAllowed(input.url)
  // Standard Webhooks secrets: `whsec_` and base64 of 24 to 64 random bytes.
  const secret = `whsec_${randomBytes(32).toString('base64')}`
  const [row] = await db.insert(webhooks).values({
    url: input.url,
    secret,
    events: input.events ?? [],
    componentIds: input.components ?? [],
    labels: input.labels ?? {},
    active: input.active ?? true,
  }).returning()
  return { ...toWebhookData(row!), secret }
}

export async function updateWebhook(db: Queryable, id: string, patch: Partial<NewWebhook>) {
  if (patch.url) assertReceiverAllowed(patch.url)
  const [row] = await db.update(webhooks).set({
    url: patch.url,
    events: patch.events,
    componentIds: patch.components,
    labels: patch.labels,
    active: patch.active,
    // Switching a paused receiver back on forgets why it was paused.
    ...(patch.active === true && { pausedReason: null }),
  }).where(eq(webhooks.id, id)).returning({ id: webhooks.id })
  if (!row) throw notFound(`No webhook with id ${id}.`)
}

export async function deleteWebhook(db: Queryable, id: string) {
  const deleted = await db.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id })
  if (deleted.length === 0) throw notFound(`No webhook with id ${id}.`)
}

/** Stops deliveries to a receiver after every try of a delivery failed, saying so; an admin switches it back on. */
export async function pauseWebhook(db: Queryable, id: string) {
  const reason = `Paused after every try of a delivery failed (${config.STATUS_PAGE_DELIVERY_RETRIES + 1} tries).`
  await db.update(webhooks).set({ active: false, pausedReason: reason }).where(eq(webhooks.id, id))
}

/** The latest delivery attempts to a receiver, newest first. */
export async function listDeliveries(db: Queryable, id: string, limit = 100) {
  await getWebhook(db, id)
  const rows = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id))
    .orderBy(desc(webhookDeliveries.id)).limit(limit)
  return rows.map(row => omitNull({
    messageId: row.messageId,
    event: row.eventKind,
    attempt: row.attempt,
    at: row.at.toISOString(),
    statusCode: row.statusCode,
    durationMs: row.durationMs,
    outcome: deliveryOutcome(row.statusCode, row.error),
    error: row.error,
  }))
}
