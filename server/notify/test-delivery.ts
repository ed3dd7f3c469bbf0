// The admin's "send a test event": a made-up incident sent to one receiver through the queue, like
// any delivery, so that its result shows in the delivery log.
import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/client.ts'
import { getWebhook } from '../services/webhooks.ts'
import { useJobs } from './notifications.ts'
import { QUEUES } from './queue-names.ts'
import type { DeliveryJob } from './webhook-delivery.ts'

export async function queueTestDelivery(db: Queryable, webhookId: string) {
  await getWebhook(db, webhookId)
  const now = new Date().toISOString()
  const job: DeliveryJob = {
    webhookId,
    test: {
      incident: { id: randomUUID(), displayName: 'Test event', description: 'Sent from the admin area to try this receiver.', beganAt: now, endedAt: now, updates: [], affects: [] },
      components: [],
    },
  }
  // One try: a test tells the admin at once how the receiver answers. The queue's dead letter
  // still takes a failed one, and leaves the receiver as it is (notifications.ts).
  await (await useJobs()).send(QUEUES.webhook, job, { retryLimit: 0 })
}
