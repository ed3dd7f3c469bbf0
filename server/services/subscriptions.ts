// Email subscriptions with double opt-in. Subscribing answers the same whatever the address's
// state, so that nobody learns who is subscribed; only the mailbox owner, through the links in
// the mails, sees or changes a subscription. Mails go out through the job queue, queued in the
// transaction of the write that asks for them.
import { randomBytes } from 'node:crypto'
import { asc, eq, inArray, isNull } from 'drizzle-orm'
import type { Database, Queryable } from '../../db/client.ts'
import { components, subscriptions } from '../../db/schema.ts'
import type { NewSubscription, SubscriptionScope } from '../../openapi/subscription-schemas.ts'
import type { Locale } from '../../shared/i18n/index.ts'
import { HOUR } from '../../shared/time.ts'
import { config } from '../config.ts'
import { invalidField, notFound, Problem } from '../problem.ts'
import { queueMail } from '../notify/mail-jobs.ts'
import { useJobs } from '../notify/notifications.ts'

/** How long the link of a confirmation mail works. */
export const CONFIRMATION_VALID_MS = 48 * HOUR

type SubscriptionRow = typeof subscriptions.$inferSelect

export const subscriptionsOffered = () => config.STATUS_PAGE_SMTP_URL !== undefined

function assertOffered() {
  if (!subscriptionsOffered()) {
    throw new Problem(503, 'Service Unavailable', 'Email subscriptions are not set up on this server (it has no STATUS_PAGE_SMTP_URL).')
  }
}

const view = (row: SubscriptionRow) => ({
  email: row.email,
  components: row.componentIds,
  labels: row.labels,
  locale: row.locale as Locale,
  timeZone: row.timeZone,
  confirmed: row.confirmedAt !== null,
  createdAt: row.createdAt.toISOString(),
})

/**
 * A scope names components that exist and label keys that some component carries (its value may
 * be one that no component has yet: a component that gets it later is included).
 */
async function assertScopeExists(db: Queryable, scope: SubscriptionScope) {
  const ids = scope.components ?? []
  if (ids.length > 0) {
    const known = new Set((await db.select({ id: components.id }).from(components).where(inArray(components.id, ids))).map(row => row.id))
    const missing = ids.findIndex(id => !known.has(id))
    if (missing >= 0) throw invalidField(`components[${missing}]`, `no component with id ${ids[missing]}`)
  }
  const keys = Object.keys(scope.labels ?? {})
  if (keys.length > 0) {
    const known = new Set((await db.select({ labels: components.labels }).from(components)).flatMap(row => Object.keys(row.labels)))
    const unknown = keys.find(key => !known.has(key))
    if (unknown !== undefined) throw invalidField(`labels.${unknown}`, 'no component has a label with this key')
  }
}

/**
 * Subscribes an address, or for one still waiting for its confirmation renews the link and what
 * it covers. A confirmed address is left as it is: its owner changes it through a mail's link.
 */
export async function subscribe(db: Database, input: NewSubscription) {
  assertOffered()
  const jobs = await useJobs()
  await db.transaction(async (tx) => {
    await assertScopeExists(tx, input)
    const secret = randomBytes(32).toString('base64url')
    const values = {
      email: input.email,
      componentIds: input.components ?? [],
      labels: input.labels ?? {},
      locale: input.locale ?? 'en',
      timeZone: input.timeZone ?? 'UTC',
      secret,
      confirmationSentAt: new Date(),
    }
    const [row] = await tx.insert(subscriptions)
      .values(values)
      .onConflictDoUpdate({ target: subscriptions.email, set: values, setWhere: isNull(subscriptions.confirmedAt) })
      .returning()
    if (row) await queueMail(jobs, tx, { kind: 'confirmation', subscriptionId: row.id, secret })
  })
}

async function bySecret(db: Queryable, secret: string): Promise<SubscriptionRow> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.secret, secret))
  if (!row) throw notFound('This link is not valid (any more): the subscription was removed, or a newer mail has the link to use.')
  return row
}

/** Confirms a subscription from its confirmation link, within 48 hours of the mail. */
export async function confirmSubscription(db: Queryable, secret: string) {
  const row = await bySecret(db, secret)
  if (row.confirmedAt) return view(row)
  if (Date.now() - row.confirmationSentAt.getTime() > CONFIRMATION_VALID_MS) {
    throw new Problem(410, 'Gone', 'This confirmation link has expired (after 48 hours); please subscribe again.')
  }
  const [confirmed] = await db.update(subscriptions).set({ confirmedAt: new Date() }).where(eq(subscriptions.id, row.id)).returning()
  return view(confirmed!)
}

export async function getSubscription(db: Queryable, secret: string) {
  return view(await bySecret(db, secret))
}

export async function updateSubscription(db: Queryable, secret: string, change: SubscriptionScope) {
  const row = await bySecret(db, secret)
  await assertScopeExists(db, change)
  const { components: componentIds, labels, locale, timeZone } = change
  if ([componentIds, labels, locale, timeZone].every(value => value === undefined)) return
  await db.update(subscriptions).set({ componentIds, labels, locale, timeZone }).where(eq(subscriptions.id, row.id))
}

/** Removes a subscription and everything kept about it. */
export async function deleteSubscription(db: Queryable, secret: string) {
  await db.delete(subscriptions).where(eq(subscriptions.id, (await bySecret(db, secret)).id))
}

export async function listSubscribers(db: Queryable) {
  const rows = await db.select().from(subscriptions).orderBy(asc(subscriptions.createdAt), asc(subscriptions.id))
  return rows.map(row => ({ id: row.id, ...view(row) }))
}

export async function deleteSubscriber(db: Queryable, id: string) {
  const deleted = await db.delete(subscriptions).where(eq(subscriptions.id, id)).returning({ id: subscriptions.id })
  if (deleted.length === 0) throw notFound(`No subscriber with id ${id}.`)
}
