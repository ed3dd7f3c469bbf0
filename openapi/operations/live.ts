// Not part of SCS: what keeps open status pages current, and the health endpoints outside /api.
import { defineOperations, problem } from '../operation.ts'

const status = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] } } },
})
const root = [{ url: '/' }]

export const liveOperations = defineOperations({
  getEvents: {
    method: 'get', path: '/events', tags: ['live'], access: 'anyone',
    summary: 'Server-sent events: `version` (the data version) on connect and every 25 s, `change` (the new data version) after every write that readers see. Limited per client address and in all (429, 503); a stream ends after a while and the browser reconnects.',
    responses: {
      200: { description: 'An event stream, until its lifetime ends.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
      429: problem('This client address holds as many streams as it may; `Retry-After` says when to try again.'),
      503: problem('The server holds as many streams as it allows; `Retry-After` says when to try again.'),
    },
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
