// The queue's health for the admin area: jobs per queue and state, and the deliveries that died.
// Counted in pg-boss's job table directly: its getQueueStats serves counts up to a minute old and
// does not tell jobs waiting for a retry from new ones.
import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { notificationEvents, subscriptions, webhookDeliveries, webhooks } from '../../db/schema.ts'
import type { DeadDeliveryData, QueueCountsData } from '../../openapi/queue-schemas.ts'
import { TEST_EVENT } from '../../shared/events.ts'
import { conflict, notFound } from '../problem.ts'
import { deliveryOutcome } from './delivery-outcome.ts'
import type { MailJob } from './mail-jobs.ts'
import { QUEUES } from './queue-names.ts'
import { stableId, type Jobs } from './queue.ts'
import type { DeliveryJob } from './webhook-delivery.ts'

const SHOWN = [QUEUES.relay, QUEUES.maintenanceEdge, QUEUES.beaconCheck, QUEUES.webhook, QUEUES.mail, QUEUES.mailDead] as const satisfies QueueCountsData['name'][]
const STATE_COUNTS = { created: 'waiting', active: 'active', retry: 'retrying', failed: 'failed' } as const

export async function countQueues(jobs: Jobs): Promise<QueueCountsData[]> {
  const { rows } = await jobs.getDb().executeSql(
    `SELECT name, state::text AS state, count(*)::int AS count FROM pgboss.job
     WHERE name = ANY($1::text[]) AND state IN ('created', 'active', 'retry', 'failed') GROUP BY name, state`,
    [SHOWN],
  ) as { rows: { name: string, state: keyof typeof STATE_COUNTS, count: number }[] }
  return SHOWN.map((name) => {
    const counts = { name, waiting: 0, active: 0, retrying: 0, failed: 0 }
    for (const row of rows) if (row.name === name) counts[STATE_COUNTS[row.state]] = row.count
    return counts
  })
}

interface DeadJob { id: string, queue: DeadDeliveryData['queue'], data: MailJob | DeliveryJob, output: { message?: string } | null, diedAt: Date }

// Failed after the last try: mails and webhook deliveries (tests aside: their one try is in the
// delivery log), and the dead-letter copies of mails whose original pg-boss has since deleted.
const DEAD_JOBS = `
  SELECT * FROM (
    SELECT id, name AS queue, data, output, completed_on AS "diedAt" FROM pgboss.job
    WHERE name = ANY($1::text[]) AND state = 'failed' AND NOT (data ? 'test')
    UNION ALL
    SELECT d.id, d.name, d.data, d.source_output, d.created_on FROM pgboss.job d
    WHERE d.name = $2 AND d.state IN ('created', 'retry') AND NOT EXISTS (
      SELECT 1 FROM pgboss.job s WHERE s.name = d.source_name AND s.id = d.source_id AND s.state = 'failed')
  ) dead`

async function deadJobs(jobs: Jobs, where = '', values: unknown[] = []): Promise<DeadJob[]> {
  const { rows } = await jobs.getDb().executeSql(`${DEAD_JOBS} ${where}`, [[QUEUES.mail, QUEUES.webhook], QUEUES.mailDead, ...values])
  return rows as DeadJob[]
}

const isMail = (job: DeadJob): job is DeadJob & { data: MailJob } => job.queue !== QUEUES.webhook

export async function listDeadDeliveries(db: Queryable, jobs: Jobs, limit = 200): Promise<DeadDeliveryData[]> {
  const dead = await deadJobs(jobs, 'ORDER BY "diedAt" DESC, id LIMIT $3', [limit])
  const mails = dead.filter(isMail).map(job => job.data)
  const hookJobs = dead.filter(job => !isMail(job))
  const hooks = hookJobs.map(job => job.data as DeliveryJob)
  const eventIds = [...mails, ...hooks].flatMap(job => 'eventId' in job && job.eventId ? [job.eventId] : [])
  const lookUp = async <T>(ids: string[], query: (ids: string[]) => Promise<T[]>) => ids.length ? query([...new Set(ids)]) : []
  const [emails, urls, events, lastTries] = await Promise.all([
    lookUp(mails.map(job => job.subscriptionId), ids => db.select({ id: subscriptions.id, to: subscriptions.email }).from(subscriptions).where(inArray(subscriptions.id, ids))),
    lookUp(hooks.map(job => job.webhookId), ids => db.select({ id: webhooks.id, to: webhooks.url }).from(webhooks).where(inArray(webhooks.id, ids))),
    lookUp(eventIds, ids => db.select({ id: notificationEvents.id, kind: notificationEvents.kind }).from(notificationEvents).where(inArray(notificationEvents.id, ids))),
    // The last logged try of each webhook job (its id is the tries' message id); naming the
    // receivers too lets the log's index serve.
    lookUp(hookJobs.map(job => job.id), ids => db.selectDistinctOn([webhookDeliveries.messageId], {
      id: webhookDeliveries.messageId, statusCode: webhookDeliveries.statusCode, error: webhookDeliveries.error,
    }).from(webhookDeliveries)
      .where(and(inArray(webhookDeliveries.webhookId, [...new Set(hooks.map(job => job.webhookId))]), inArray(webhookDeliveries.messageId, ids)))
      .orderBy(webhookDeliveries.messageId, desc(webhookDeliveries.id))),
  ])
  const recipients = new Map([...emails, ...urls].map(row => [row.id, row.to]))
  const kinds = new Map(events.map(row => [row.id, row.kind]))
  const outcomes = new Map(lastTries.map(row => [row.id, deliveryOutcome(row.statusCode, row.error)]))
  return dead.map((job) => {
    const recipient = recipients.get(isMail(job) ? job.data.subscriptionId : (job.data as DeliveryJob).webhookId)
    const outcome = outcomes.get(job.id)
    const event = 'kind' in job.data && job.data.kind === 'confirmation'
      ? 'confirmation'
      : ('eventId' in job.data && job.data.eventId && kinds.get(job.data.eventId)) || ('test' in job.data ? TEST_EVENT : 'unknown')
    return {
      id: job.id,
      queue: job.queue,
      channel: isMail(job) ? 'mail' as const : 'webhook' as const,
      ...(recipient && { recipient }),
      event,
      diedAt: new Date(job.diedAt).toISOString(),
      ...(outcome && { outcome }),
      ...(job.output?.message && { error: job.output.message }),
    }
  })
}

/**
 * Puts a dead delivery back: a failed job is retried as it is (pg-boss `retry`, which touches only
 * failed jobs, so a second call finds nothing), a dead-letter copy becomes a new mail whose id
 * follows from the copy's, so that two calls at once queue it once.
 */
export async function retryDeadDelivery(db: Queryable, jobs: Jobs, id: string) {
  const [job] = await deadJobs(jobs, 'WHERE id = $3', [id])
  if (!job) throw notFound(`No dead delivery with id ${id}.`)
  if (job.queue === QUEUES.mailDead) {
    await jobs.send(QUEUES.mail, job.data, { id: stableId('retry', id) })
    await jobs.deleteJob(QUEUES.mailDead, id)
    return
  }
  if (!isMail(job)) {
    const [receiver] = await db.select({ active: webhooks.active }).from(webhooks).where(eq(webhooks.id, (job.data as DeliveryJob).webhookId))
    if (receiver && !receiver.active) throw conflict('The webhook receiver is paused: resume it first, or the delivery would be dropped.')
  }
  await jobs.retry(job.queue, id)
  if (!isMail(job)) return
  // Its dead-letter copy goes: the job is alive again, and a new copy comes should it die again.
  const copies = await jobs.findJobs(QUEUES.mailDead, { data: job.data, queued: true })
  const ofThis = copies.filter(copy => copy.sourceId === id).map(copy => copy.id)
  if (ofThis.length) await jobs.deleteJob(QUEUES.mailDead, ofThis)
}
