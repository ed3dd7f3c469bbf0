// The job queue: pg-boss on the app's own database, PostgreSQL or embedded PGlite (through
// pg-boss's PGlite adapter). Every instance works every queue; a job is claimed by one instance
// at a time (SKIP LOCKED), retried with backoff when it fails and moved to a dead-letter queue
// after its last try.
import { createHash } from 'node:crypto'
import { PgBoss, fromPglite, type Job, type JobResult, type Queue } from 'pg-boss'
import type { DatabaseHandle } from '../../db/client.ts'

export type Jobs = PgBoss

export interface QueueDefinition {
  name: string
  options?: Omit<Queue, 'name'>
  /** Works one job; what throws fails the job, to be tried again as the queue's options say. */
  // Each queue's jobs carry their own data; the worker knows its shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  work?: (job: Job<any>) => Promise<unknown>
}

// Jobs are fetched ten at a time and worked side by side, each failing or succeeding on its own;
// while batches come back full the next is fetched at once (a fan-out to many subscribers), and an
// idle queue is asked again every second (PostgreSQL also wakes workers by NOTIFY).
const fetching = { batchSize: 10, burstWhenBatchFull: true, pollingIntervalSeconds: 1, perJobResults: true } as const

async function workEach(work: NonNullable<QueueDefinition['work']>, jobs: Job<unknown>[]): Promise<JobResult[]> {
  return Promise.all(jobs.map(job => work(job).then(
    () => ({ id: job.id, status: 'completed' as const }),
    (error: unknown) => ({ id: job.id, status: 'failed' as const, output: { message: error instanceof Error ? error.message : String(error) } }),
  )))
}

/** Starts pg-boss on the database, creates the queues and works those that have a worker. */
export async function startQueue(handle: DatabaseHandle, queues: QueueDefinition[]): Promise<Jobs> {
  const boss = handle.pglite
    ? new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite' })
    : new PgBoss({ connectionString: handle.url, max: 4, application_name: 'status-page-jobs' })
  boss.on('error', error => console.error('Job queue:', error))
  await boss.start()
  // Dead-letter queues first: a queue names its dead-letter queue, which must exist.
  for (const queue of [...queues].sort((a, b) => Number(!!a.options?.deadLetter) - Number(!!b.options?.deadLetter))) {
    await boss.createQueue(queue.name, queue.options)
  }
  for (const { name, work } of queues) if (work) await boss.work(name, fetching, jobs => workEach(work, jobs))
  return boss
}

/** A UUID that is the same for the same parts: the id of a job that must be queued only once. */
export function stableId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
