// The notification machinery of this instance: the job queue and its workers. Events recorded by a
// write here are relayed right after it; those of other instances are relayed there, and a relay
// every minute picks up whatever an instance that stopped in between left behind.
import type { DatabaseHandle } from '../../db/client.ts'
import { config } from '../config.ts'
import { pauseWebhook } from '../services/webhooks.ts'
import { recordMaintenanceEdge, type EdgeJob } from './maintenance-edges.ts'
import { QUEUES } from './queue-names.ts'
import { startQueue, type Jobs } from './queue.ts'
import { relayEvents } from './relay.ts'
import { deliverWebhook, type DeliveryJob } from './webhook-delivery.ts'
import { deliverMail } from './mail-delivery.ts'
import type { MailJob } from './mail-jobs.ts'
import { checkBeacon, type BeaconCheckJob } from './beacon-checks.ts'

// Backoff from 2 s, doubling up to an hour: the default 30 retries take about a day. A job whose
// instance died while working it is taken up again after a minute.
const backoff = { retryLimit: config.STATUS_PAGE_DELIVERY_RETRIES, retryDelay: 2, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 60 }

let running: Promise<Jobs> | undefined
let relayHere: (() => Promise<number>) | undefined

/** Starts the queue on the database and relays what was recorded while no instance ran. */
export function startNotifications(handle: DatabaseHandle): Promise<Jobs> {
  const { db } = handle
  const relay = () => relayEvents(db, jobs)
  let jobs!: Jobs
  relayHere = relay
  running ??= startQueue(handle, [
    { name: QUEUES.relay, work: relay },
    {
      name: QUEUES.maintenanceEdge,
      work: async (job) => {
        if (await recordMaintenanceEdge(db, job.data as EdgeJob)) await relay()
      },
    },
    { name: QUEUES.webhookDead, work: async (job) => {
      const { webhookId, test } = job.data as DeliveryJob
      // A failed test event tells the admin how the receiver answers; it stops no deliveries.
      if (!test) await pauseWebhook(db, webhookId)
    } },
    {
      name: QUEUES.webhook,
      options: { ...backoff, deadLetter: QUEUES.webhookDead },
      work: job => deliverWebhook(db, job.id, job.retryCount + 1, job.data as DeliveryJob),
    },
    { name: QUEUES.beaconCheck, work: job => checkBeacon(db, job.data as BeaconCheckJob) },
    // Dead mails stay in their queue, unworked, for the admin to see and retry.
    { name: QUEUES.mailDead },
    {
      name: QUEUES.mail,
      options: { ...backoff, deadLetter: QUEUES.mailDead },
      work: job => deliverMail(db, job.id, job.data as MailJob),
    },
  ]).then(async (started) => {
    jobs = started
    await jobs.schedule(QUEUES.relay, '* * * * *')
    await relay()
    return jobs
  })
  return running
}

/** The queue, once started. */
export function useJobs(): Promise<Jobs> {
  if (!running) throw new Error('The job queue is not started.')
  return running
}

/** Relays what a write on this instance recorded; a failure waits for the next relay. */
export function relaySoon() {
  running?.then(() => relayHere?.()).catch((error: unknown) => {
    console.error('Relaying events failed; the scheduled relay tries again:', error)
  })
}

export async function stopNotifications() {
  const jobs = await running?.catch(() => undefined)
  running = undefined
  relayHere = undefined
  await jobs?.stop({ graceful: true, timeout: 1500 })
}
