// The project's OpenAPI document, built from the operation definitions in ./operations/ and the
// schemas they name: every operation of the SCS status page API 1.1.2 (same paths, operation ids
// and status codes), plus what SCS leaves open: bearer authentication, problem+json errors, live
// updates, the page settings, the health endpoints and the admin area's own operations (tag `admin`).
// `npm run openapi` writes it to openapi/openapi.json; the server serves it at /api/openapi.json.
import { z } from 'zod'
import * as adminSchemas from './admin-schemas.ts'
import * as alertmanagerSchemas from './alertmanager-schemas.ts'
import * as beaconSchemas from './beacon-schemas.ts'
import type { Operation, Reply } from './operation.ts'
import { operations } from './operations/index.ts'
import * as queueSchemas from './queue-schemas.ts'
import * as schemas from './schemas.ts'
import * as subscriptionSchemas from './subscription-schemas.ts'
import * as uptimeSchemas from './uptime-schemas.ts'
import * as webhookSchemas from './webhook-schemas.ts'

type Json = Record<string, unknown>

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

// The named schemas of both modules, collected from their exports: a bundler drops a module that
// is imported for its side effects alone, and the global registry holds whatever happened to load.
function namedSchemas() {
  const registry = z.registry<{ id: string, description?: string }>()
  for (const value of [
    ...Object.values(schemas), ...Object.values(adminSchemas), ...Object.values(alertmanagerSchemas), ...Object.values(beaconSchemas),
    ...Object.values(subscriptionSchemas), ...Object.values(uptimeSchemas), ...Object.values(webhookSchemas), ...Object.values(queueSchemas),
  ]) {
    if (!(value instanceof z.ZodType)) continue
    const meta = z.globalRegistry.get(value)
    if (meta?.id) registry.add(value, { ...meta, id: meta.id })
  }
  return registry
}

function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(namedSchemas(), {
    target: 'openapi-3.0',
    io: 'input',
    uri: id => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> }
  // OpenAPI 3.0 has no $id, and the regular expression behind `format: date-time` only adds noise.
  return JSON.parse(JSON.stringify(schemas, (key, value) => {
    if (key === '$id') return undefined
    if (value && typeof value === 'object' && value.format === 'date-time') return { ...value, pattern: undefined }
    return value
  }))
}

const json = (schema: Json) => ({ 'application/json': { schema } })
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('ProblemDetails') } } })

/** The name under which a schema is among components/schemas. */
function nameOf(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id
  if (!id) throw new Error('An operation refers to a schema without a name; give it one with named().')
  return id
}
const schemaOf = (schema: z.ZodType): Json =>
  schema instanceof z.ZodArray ? { type: 'array', items: ref(nameOf(schema.element as z.ZodType)) } : ref(nameOf(schema))

// What an operation's access adds to the document: the security requirement and the errors of
// authentication. The admin area names the session first and words its errors for people.
const bearerFirst = [{ bearer: [] }, { session: [] }]
const sessionFirst = [{ session: [] }, { bearer: [] }]
const sessionOnly = [{ session: [] }]
const writeErrors = {
  400: problem('Invalid body, parameter or reference; `errors` names the fields.'),
  401: problem('No bearer token, or an unknown one, and no session.'),
  403: problem('The token may only read, or a signed-in write lacks its `x-csrf-token`.'),
  413: problem('The body is larger than 1 MiB.'),
  415: problem('The body is not JSON.'),
}
const adminErrors = {
  401: problem('Not signed in.'),
  403: problem('Not an admin, or a signed-in write lacks its `x-csrf-token`.'),
}
const editorErrors = {
  401: problem('Not signed in, and no bearer token.'),
  403: problem('A read-only token, or a signed-in write lacks its `x-csrf-token`.'),
}

function accessOf(operation: Operation): { security?: Json[], errors?: Json } {
  const adminArea = operation.tags.includes('admin')
  switch (operation.access) {
    case 'writer':
      return adminArea ? { security: sessionFirst, errors: editorErrors } : { security: bearerFirst, errors: writeErrors }
    case 'admin': return { security: sessionFirst, errors: adminErrors }
    case 'user':
    case 'session': return { security: sessionOnly }
    default: return {}
  }
}

function responseOf(reply: Reply): Json {
  if ('data' in reply) return { description: reply.description, content: json({ type: 'object', properties: { data: schemaOf(reply.data) }, required: ['data'] }) }
  if ('body' in reply) return { description: reply.description, content: json(schemaOf(reply.body)) }
  if ('problem' in reply) return problem(reply.description)
  return reply
}

// Optimistic concurrency (server/utils/preconditions.ts): what `entityTag` adds to an operation.
const etagHeader = (description: string) => ({ ETag: { description, schema: { type: 'string' } } })
const ifMatch = {
  name: 'If-Match', in: 'header', required: false, schema: { type: 'string' },
  description: 'Change only if the resource still has one of these entity tags (from `ETag`), or `*` for any. Without it the write is unconditional.',
}

function withEntityTag(operation: Operation, responses: Record<string, Json>): { parameters: Json[], responses: Record<string, Json> } {
  if (!operation.entityTag) return { parameters: [], responses }
  if (operation.method === 'get') {
    return {
      parameters: [],
      responses: {
        ...responses,
        200: { ...responses[200], headers: etagHeader('A strong entity tag of this answer, for `If-Match` (and `If-None-Match`).') },
        304: { description: 'The `ETag` in `If-None-Match` is still current.', headers: etagHeader('The current entity tag.') },
      },
    }
  }
  const stale = {
    description: '`If-Match` names no current entity tag: the resource changed meanwhile, and nothing was changed. `current` is the resource as it is now, `etag` its tag.',
    content: {
      'application/problem+json': {
        schema: { allOf: [ref('ProblemDetails'), {
          type: 'object',
          properties: { etag: { type: 'string' }, current: schemaOf(operation.entityTag) },
          required: ['etag', 'current'],
        }] },
      },
    },
  }
  const changed: Record<string, Json> = operation.method === 'patch' && responses[204]
    ? { 204: { ...responses[204], headers: etagHeader('With `If-Match`: the entity tag of the changed resource.') } }
    : {}
  return { parameters: [ifMatch], responses: { ...responses, ...changed, 412: stale } }
}

function operationObject(operation: Operation): Json {
  const { security, errors } = accessOf(operation)
  const replies = Object.fromEntries(Object.entries(operation.responses).map(([status, reply]) => [status, responseOf(reply)]))
  const { parameters, responses } = withEntityTag(operation, replies)
  const allParameters = [...(operation.query?.parameters ?? []), ...parameters]
  return {
    operationId: operation.operationId,
    tags: operation.tags,
    summary: operation.summary,
    ...(allParameters.length > 0 && { parameters: allParameters }),
    ...(security && { security }),
    ...(operation.body && { requestBody: { required: true, description: operation.body.description, content: json(ref(nameOf(operation.body.schema))) } }),
    responses: { ...errors, ...responses },
  }
}

/** The paths object: the operations grouped by path, with the path parameters on the path. */
function pathsOf(list: Operation[]): Record<string, Json> {
  const paths: Record<string, Json> = {}
  for (const operation of list) {
    const parameters = Object.entries(operation.params ?? {}).map(([name, { schema, description }]) =>
      ({ name, in: 'path', required: true, description, schema: ref(nameOf(schema)) }))
    paths[operation.path] ??= {
      ...(operation.servers && { servers: operation.servers }),
      ...(parameters.length > 0 && { parameters }),
    }
    paths[operation.path]![operation.method] = operationObject(operation)
  }
  return paths
}

// OpenAPI 3.0 has no `webhooks` field (3.1 has), so the requests that we send to webhook receivers
// are listed under the extension `x-webhooks`.
const receivedByWebhooks = {
  'x-webhooks': {
    statusEvent: {
      post: {
        summary: 'An incident or maintenance event, signed as Standard Webhooks specify.',
        requestBody: { required: true, content: json(ref('WebhookPayload')) },
        responses: { 200: { description: 'Any 2xx takes the delivery; anything else, or no answer within 10 s, is tried again later.' } },
      },
    },
  },
}

export function buildOpenApiDocument() {
  return {
    openapi: '3.0.3',
    info: {
      title: 'SCS Status Page API',
      version: '1.1.2',
      description: 'The Sovereign Cloud Stack status page API 1.1.2. Reading is anonymous; writing needs `Authorization: Bearer <token>` or the admin area\'s session cookie with an `x-csrf-token` header. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/api' }],
    tags: [
      { name: 'phase', description: 'Handles incident phases.' },
      { name: 'impact', description: 'Handles impact types and severities.' },
      { name: 'component', description: 'Handles components.' },
      { name: 'incident', description: 'Handles incidents and their updates.' },
      { name: 'live', description: 'Live updates for open pages; an extension to SCS.' },
      { name: 'integrations', description: 'Prometheus Alertmanager\'s webhook; an extension to SCS.' },
      { name: 'beacons', description: 'Beats of health beacons, by their secret URLs.' },
      { name: 'subscriptions', description: 'Email subscriptions with double opt-in; an extension to SCS.' },
      { name: 'settings', description: 'Settings of the public page; an extension to SCS.' },
      { name: 'admin', description: 'The admin area: sessions, users, API tokens, the audit log, incident templates, webhook receivers, subscribers, health beacons, taking over incidents that opened themselves.' },
      { name: 'health', description: 'Liveness and readiness, outside /api.' },
      { name: 'statuspage', description: 'Atlassian Statuspage\'s public API v2, read-only, for tools written for it.' },
      { name: 'public', description: 'Feeds, the maintenance calendar, badges and the embeddable status, outside /api.' },
    ],
    paths: pathsOf(Object.values(operations)),
    ...receivedByWebhooks,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token, or STATUS_PAGE_ADMIN_TOKEN.' },
        session: {
          type: 'apiKey', in: 'cookie', name: 'status_page_session',
          description: 'The admin area\'s session cookie (POST /session). Writes with it also need the header `x-csrf-token` with the token from GET /session, and must not come from another origin.',
        },
      },
    },
  }
}
