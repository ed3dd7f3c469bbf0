// Queuing mails in the transaction of the write that asks for them.
import { sql } from 'drizzle-orm'
import { fromDrizzle, type DrizzleTransactionLike } from 'pg-boss'
import type { Queryable } from '../../db/client.ts'
import { useJobs } from './notifications.ts'
import { QUEUES } from './queue-names.ts'

export type MailJob
  = | { kind: 'confirmation', subscriptionId: string, secret: string }
    | { kind: 'event', subscriptionId: string, eventId: string }

/** The queue's handle on an open transaction (our handle is typed for both drivers at once). */
export const inTransaction = (tx: Queryable) => ({ db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) })

export async function queueMail(tx: Queryable, job: MailJob) {
  await (await useJobs()).send(QUEUES.mail, job, inTransaction(tx))
}
