// How many people and tools the notifications reach, for the metrics.
import { count, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { subscriptions, webhooks } from '../../db/schema.ts'

export async function countNotificationTargets(db: Queryable) {
  // One scan per table: `count(column)` skips nulls, and a filtered count splits the rest.
  const [[people], [tools]] = await Promise.all([
    db.select({ all: count(), confirmed: count(subscriptions.confirmedAt) }).from(subscriptions),
    db.select({ all: count(), active: sql`count(*) filter (where ${webhooks.active})`.mapWith(Number) }).from(webhooks),
  ])
  const confirmed = people?.confirmed ?? 0
  const active = tools?.active ?? 0
  return {
    confirmedSubscribers: confirmed,
    pendingSubscribers: (people?.all ?? 0) - confirmed,
    activeWebhooks: active,
    pausedWebhooks: (tools?.all ?? 0) - active,
  }
}
