// Not part of SCS: what keeps open status pages current, and the health endpoints outside /api.
import { defineOperations } from '../operation.ts'

const status = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] } } },
})
const root = [{ url: '/' }]

export const liveOperations = defineOperations({
  getEvents: {
    method: 'get', path: '/events', tags: ['live'], access: 'anyone',
    summary: 'Server-sent events: `version` (the data version) on connect and every 25 s, `change` (the new data version) after every write.',
    responses: { 200: { description: 'An endless event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
  },
})

export const healthOperations = defineOperations({
  getHealth: {
    method: 'get', path: '/healthz', servers: root, tags: ['health'], access: 'anyone',
    summary: 'Liveness: 200 while the process runs.',
    responses: { 200: status('Alive.') },
  },
  getReadiness: {
    method: 'get', path: '/readyz', servers: root, tags: ['health'], access: 'anyone',
    summary: 'Readiness: 200 when the database answers, 503 otherwise.',
    responses: { 200: status('Ready.'), 503: status('The database does not answer.') },
  },
})
