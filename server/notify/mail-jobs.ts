// Queuing mails in the transaction of the write that asks for them.
import { sql } from 'drizzle-orm'
import { fromDrizzle, type DrizzleTransactionLike } from 'pg-boss'
import type { Queryable } from '../../db/client.ts'
import { QUEUES } from './queue-names.ts'
import type { Jobs } from './queue.ts'

export type MailJob
  = | { kind: 'confirmation', subscriptionId: string, secret: string }
    | { kind: 'event', subscriptionId: string, eventId: string }

/** The queue's handle on an open transaction (our handle is typed for both drivers at once). */
export const inTransaction = (tx: Queryable) => ({ db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) })

/**
 * Queues the mail in `tx`. Take `jobs` from useJobs() before the transaction begins: the embedded
 * database runs one transaction at a time, so a transaction that waited there for the queue to
 * finish starting (its own queries) would wait for ever, and hold every other query with it.
 */
export async function queueMail(jobs: Jobs, tx: Queryable, job: MailJob) {
  await jobs.send(QUEUES.mail, job, inTransaction(tx))
}
