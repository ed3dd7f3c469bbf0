// The job queue's health, for admins: how many jobs wait, run, retry or failed, and the deliveries
// that died, each of which an admin may put back.
import { z } from 'zod'
import { data, defineOperations, noContent, notFound, pathParameter, problem } from '../operation.ts'
import { DeadDelivery, QueueCounts } from '../queue-schemas.ts'
import { Id } from '../schemas.ts'

const tags = ['admin']

export const queueOperations = defineOperations({
  getQueues: {
    method: 'get', path: '/queue', tags, access: 'admin',
    summary: 'The jobs of each notification queue by state, counted now.',
    responses: { 200: data('One entry per queue.', z.array(QueueCounts)) },
  },
  getDeadDeliveries: {
    method: 'get', path: '/queue/dead', tags, access: 'admin',
    summary: 'The latest 200 mail and webhook deliveries whose every try failed, newest first.',
    responses: { 200: data('The dead deliveries.', z.array(DeadDelivery)) },
  },
  retryDeadDelivery: {
    method: 'post', path: '/queue/dead/{jobId}/retry', tags, access: 'admin', changesPublicData: false,
    params: { jobId: pathParameter(Id, 'The dead delivery\'s job ID.') },
    summary: 'Put a dead delivery back in its queue, to be tried again as if new; a delivery put back once is no longer dead, so a second call is a 404 and nothing is sent twice.',
    responses: { ...noContent, ...notFound, 409: problem('The webhook receiver is paused: resume it first.') },
  },
})
