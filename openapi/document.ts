// The project's OpenAPI document, built from the schemas in ./schemas.ts: every operation of the
// SCS status page API 1.1.2 (same paths, operation ids and status codes), plus what SCS leaves
// open: bearer authentication, problem+json errors, live updates, the page settings, the health
// endpoints and the admin area's own operations (tag `admin`).
// `npm run openapi` writes it to openapi/openapi.json; the server serves it at /api/openapi.json.
import { z } from 'zod'
import * as adminSchemas from './admin-schemas.ts'
import { publicDocumentPaths, statuspagePaths } from './paths-public.ts'
import * as schemas from './schemas.ts'

type Json = Record<string, unknown>

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

// The named schemas of both modules, collected from their exports: a bundler drops a module that
// is imported for its side effects alone, and the global registry holds whatever happened to load.
function namedSchemas() {
  const registry = z.registry<{ id: string, description?: string }>()
  for (const value of [...Object.values(schemas), ...Object.values(adminSchemas)]) {
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
const dataOf = (schema: Json) => json({ type: 'object', properties: { data: schema }, required: ['data'] })
const listOf = (name: string) => dataOf({ type: 'array', items: ref(name) })

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('ProblemDetails') } } })
const readErrors = { 400: problem('Invalid parameter.') }
const writeErrors = {
  400: problem('Invalid body, parameter or reference; `errors` names the fields.'),
  401: problem('No bearer token, or an unknown one, and no session.'),
  403: problem('The token may only read, or a signed-in write lacks its `x-csrf-token`.'),
  413: problem('The body is larger than 1 MiB.'),
  415: problem('The body is not JSON.'),
}
const notFound = { 404: problem('No such resource.') }
const noContent = { 204: { description: 'Successful. No Content' } }
const secured = { security: [{ bearer: [] }, { session: [] }] }

const body = (name: string, description: string) => ({ required: true, description, content: json(ref(name)) })
const created = (name: string, description: string) => ({ 201: { description, content: json(ref(name)) } })
const ok = (description: string, content: Json) => ({ 200: { description, content } })

const param = (name: string, where: 'path' | 'query', schema: Json, description: string, required = where === 'path') =>
  ({ name, in: where, required, description, schema })
const componentId = param('componentId', 'path', ref('Id'), 'Component ID.')
const impactTypeId = param('impactTypeId', 'path', ref('Id'), 'Impact type ID.')
const incidentId = param('incidentId', 'path', ref('Id'), 'Incident ID.')
const updateOrder = param('updateOrder', 'path', ref('Incremental'), 'Order of the incident update.')
const severityName = param('severityName', 'path', ref('DisplayName'), 'Severity name.')
const at = param('at', 'query', { type: 'string', format: 'date-time' }, 'Reference time for `activelyAffectedBy`; default now.')

const paths = {
  '/phases': {
    get: {
      operationId: 'getPhaseList', tags: ['phase'], summary: 'Get the newest generation of the phase list, or the one asked for.',
      parameters: [param('generation', 'query', { type: 'integer', minimum: 1 }, 'Generation to get; default the newest. Before any list exists the newest is generation 0 with no phases.')],
      responses: { ...ok('The phase list.', dataOf(ref('PhaseListResponseData'))), ...readErrors, ...notFound },
    },
    post: {
      operationId: 'createPhaseList', tags: ['phase'], summary: 'Create a new generation of the phase list.', ...secured,
      requestBody: body('PhaseList', 'The new phase list.'),
      responses: { ...created('Generation', 'The new generation.'), ...writeErrors },
    },
  },
  '/impacttypes': {
    get: {
      operationId: 'getImpactTypes', tags: ['impact'], summary: 'Get a list of impact types.',
      responses: ok('The impact types.', listOf('ImpactTypeResponseData')),
    },
    post: {
      operationId: 'createImpactType', tags: ['impact'], summary: 'Create a new impact type.', ...secured,
      requestBody: body('ImpactTypeRequest', 'The impact type.'),
      responses: { ...created('IdField', 'The id of the new impact type.'), ...writeErrors },
    },
  },
  '/impacttypes/{impactTypeId}': {
    parameters: [impactTypeId],
    get: {
      operationId: 'getImpactType', tags: ['impact'], summary: 'Get a specific impact type by id.',
      responses: { ...ok('The impact type.', dataOf(ref('ImpactTypeResponseData'))), ...readErrors, ...notFound },
    },
    patch: {
      operationId: 'updateImpactType', tags: ['impact'], summary: 'Update a specific impact type; omitted fields stay.', ...secured,
      requestBody: body('ImpactTypeRequest', 'The fields to change (any subset).'),
      responses: { ...noContent, ...writeErrors, ...notFound },
    },
    delete: {
      operationId: 'deleteImpactType', tags: ['impact'], summary: 'Delete an impact type that no impact uses.', ...secured,
      responses: { ...noContent, ...writeErrors, ...notFound, 409: problem('Impacts still use the impact type.') },
    },
  },
  '/severities': {
    get: {
      operationId: 'getSeverities', tags: ['impact'], summary: 'Get the list of severities, by ascending value.',
      responses: ok('The severities.', listOf('Severity')),
    },
    post: {
      operationId: 'createSeverity', tags: ['impact'], summary: 'Create a new severity.', ...secured,
      requestBody: body('SeverityRequest', 'The severity; name and value must both be unused.'),
      responses: { ...noContent, ...writeErrors, 409: problem('The name or the value is taken.') },
    },
  },
  '/severities/{severityName}': {
    parameters: [severityName],
    get: {
      operationId: 'getSeverity', tags: ['impact'], summary: 'Get a specific severity by its name.',
      responses: { ...ok('The severity.', dataOf(ref('Severity'))), ...notFound },
    },
    patch: {
      operationId: 'updateSeverity', tags: ['impact'], summary: 'Update a specific severity; omitted fields stay.', ...secured,
      requestBody: body('SeverityRequest', 'The fields to change (any subset).'),
      responses: { ...noContent, ...writeErrors, ...notFound, 409: problem('The new name or value is taken.') },
    },
    delete: {
      operationId: 'deleteSeverity', tags: ['impact'], summary: 'Delete a specific severity.', ...secured,
      responses: { ...noContent, ...writeErrors, ...notFound },
    },
  },
  '/components': {
    get: {
      operationId: 'getComponents', tags: ['component'], summary: 'Get a list of components.',
      parameters: [at],
      responses: { ...ok('The components.', listOf('ComponentResponseData')), ...readErrors },
    },
    post: {
      operationId: 'createComponent', tags: ['component'], summary: 'Create a new component.', ...secured,
      requestBody: body('ComponentRequest', 'The component.'),
      responses: { ...created('IdField', 'The id of the new component.'), ...writeErrors },
    },
  },
  '/components/{componentId}': {
    parameters: [componentId],
    get: {
      operationId: 'getComponent', tags: ['component'], summary: 'Get a specific component by id.',
      parameters: [at],
      responses: { ...ok('The component.', dataOf(ref('ComponentResponseData'))), ...readErrors, ...notFound },
    },
    patch: {
      operationId: 'updateComponent', tags: ['component'], summary: 'Update a component; omitted fields stay.', ...secured,
      requestBody: body('ComponentRequest', 'The fields to change (any subset).'),
      responses: { ...noContent, ...writeErrors, ...notFound },
    },
    delete: {
      operationId: 'deleteComponent', tags: ['component'], summary: 'Delete a component and the impacts on it.', ...secured,
      responses: { ...noContent, ...writeErrors, ...notFound },
    },
  },
  '/incidents': {
    get: {
      operationId: 'getIncidents', tags: ['incident'], summary: 'Get the incidents whose time span overlaps a time frame, ongoing ones included.',
      parameters: [
        param('start', 'query', { type: 'string', format: 'date-time' }, 'Start of the time frame (RFC 3339).', true),
        param('end', 'query', { type: 'string', format: 'date-time' }, 'End of the time frame (RFC 3339), not before start.', true),
      ],
      responses: { ...ok('The incidents, by ascending beganAt.', listOf('IncidentResponseData')), ...readErrors },
    },
    post: {
      operationId: 'createIncident', tags: ['incident'], summary: 'Create a new incident.', ...secured,
      requestBody: body('IncidentRequest', 'The incident.'),
      responses: { ...created('IdField', 'The id of the new incident.'), ...writeErrors },
    },
  },
  '/incidents/{incidentId}': {
    parameters: [incidentId],
    get: {
      operationId: 'getIncident', tags: ['incident'], summary: 'Get a specific incident by id.',
      responses: { ...ok('The incident.', dataOf(ref('IncidentResponseData'))), ...readErrors, ...notFound },
    },
    patch: {
      operationId: 'updateIncident', tags: ['incident'], summary: 'Update an incident; omitted fields stay, `affects` replaces all impacts.', ...secured,
      requestBody: body('IncidentRequest', 'The fields to change (any subset).'),
      responses: { ...noContent, ...writeErrors, ...notFound },
    },
    delete: {
      operationId: 'deleteIncident', tags: ['incident'], summary: 'Delete an incident with its updates and impacts.', ...secured,
      responses: { ...noContent, ...writeErrors, ...notFound },
    },
  },
  '/incidents/{incidentId}/updates': {
    parameters: [incidentId],
    get: {
      operationId: 'getIncidentUpdates', tags: ['incident'], summary: 'Get the updates of an incident, by ascending order.',
      responses: { ...ok('The updates.', listOf('IncidentUpdateResponseData')), ...readErrors, ...notFound },
    },
    post: {
      operationId: 'createIncidentUpdate', tags: ['incident'], summary: 'Create a new update to an incident.', ...secured,
      requestBody: body('IncidentUpdateRequest', 'The update.'),
      responses: { ...created('Order', 'The order of the new update.'), ...writeErrors, ...notFound },
    },
  },
  '/incidents/{incidentId}/updates/{updateOrder}': {
    parameters: [incidentId, updateOrder],
    get: {
      operationId: 'getIncidentUpdate', tags: ['incident'], summary: 'Get a specific update of an incident.',
      responses: { ...ok('The update.', dataOf(ref('IncidentUpdateResponseData'))), ...readErrors, ...notFound },
    },
    patch: {
      operationId: 'updateIncidentUpdate', tags: ['incident'], summary: 'Update an incident update; omitted fields stay.', ...secured,
      requestBody: body('IncidentUpdateRequest', 'The fields to change (any subset).'),
      responses: { ...noContent, ...writeErrors, ...notFound },
    },
    delete: {
      operationId: 'deleteIncidentUpdate', tags: ['incident'], summary: 'Delete an incident update.', ...secured,
      responses: { ...noContent, ...writeErrors, ...notFound },
    },
  },
  '/settings': {
    get: {
      operationId: 'getSettings', tags: ['settings'], summary: 'Get the settings of the public page (an extension of SCS).',
      responses: ok('The settings, defaults filled in.', dataOf(ref('Settings'))),
    },
    patch: {
      operationId: 'updateSettings', tags: ['settings'], summary: 'Change settings of the public page; omitted ones stay.', ...secured,
      requestBody: body('SettingsPatch', 'The settings to change (any subset).'),
      responses: { ...noContent, ...writeErrors },
    },
  },
}

// Not part of SCS: what keeps open status pages current.
const events = {
  '/events': {
    get: {
      operationId: 'getEvents', tags: ['live'],
      summary: 'Server-sent events: `version` (the data version) on connect and every 25 s, `change` (the new data version) after every write.',
      responses: {
        200: { description: 'An endless event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
      },
    },
  },
}

// The admin area's own operations: sessions for everyone, the rest for admins only (an admin's
// session or STATUS_PAGE_ADMIN_TOKEN).
const adminOperation = (errors: Json) => (operationId: string, summary: string, responses: Json, extra: Json = {}) => ({
  operationId, tags: ['admin'], summary, ...extra, security: [{ session: [] }, { bearer: [] }], responses: { ...responses, ...errors },
})
const admin = adminOperation({
  401: problem('Not signed in.'),
  403: problem('Not an admin, or a signed-in write lacks its `x-csrf-token`.'),
})
const editor = adminOperation({
  401: problem('Not signed in, and no bearer token.'),
  403: problem('A read-only token, or a signed-in write lacks its `x-csrf-token`.'),
})
const templateId = param('templateId', 'path', ref('Id'), 'Template ID.')
const userId = param('userId', 'path', ref('Id'), 'User ID.')
const tokenName = param('tokenName', 'path', ref('TokenName'), 'Token name.')

const adminPaths = {
  '/session': {
    get: {
      operationId: 'getSession', tags: ['admin'], summary: 'Who is signed in, the CSRF token for their writes, and the ways to sign in.',
      responses: ok('The session; without `user` when nobody is signed in.', dataOf(ref('SessionInfo'))),
    },
    post: {
      operationId: 'signIn', tags: ['admin'], summary: 'Sign in with email and password; sets the session cookie.',
      requestBody: body('SignIn', 'The credentials.'),
      responses: {
        ...ok('Signed in.', dataOf(ref('SessionInfo'))),
        400: problem('Invalid body.'),
        401: problem('Wrong email or password.'),
        403: problem('The request came from another origin.'),
        429: problem('Too many failed sign-ins for the email or the address; `Retry-After` says how long to wait.'),
      },
    },
    delete: {
      operationId: 'signOut', tags: ['admin'], summary: 'Sign out: clears the cookie and ends every session of the user.', security: [{ session: [] }],
      responses: { ...noContent, 403: problem('The `x-csrf-token` header is missing or wrong.') },
    },
  },
  '/session/password': {
    post: {
      operationId: 'changePassword', tags: ['admin'], summary: 'Change one\'s own password; ends every other session of the user.', security: [{ session: [] }],
      requestBody: body('PasswordChange', 'The current and the new password.'),
      responses: {
        ...ok('Changed; the session continues with a new CSRF token.', dataOf(ref('SessionInfo'))),
        400: problem('Wrong current password, or the new one is too short.'),
        401: problem('Not signed in.'),
        403: problem('Not a signed-in user, or the `x-csrf-token` header is missing or wrong.'),
      },
    },
  },
  '/users': {
    get: admin('getUsers', 'List the users of the admin area.', ok('The users.', listOf('UserResponseData'))),
    post: admin('createUser', 'Create a user.', { ...created('IdField', 'The id of the new user.'), 400: problem('Invalid body.'), 409: problem('The email is taken.') }, {
      requestBody: body('UserRequest', 'The user.'),
    }),
  },
  '/users/{userId}': {
    parameters: [userId],
    patch: admin('updateUser', 'Change a user\'s role, disable or enable them, or set a new password.', {
      ...noContent, 400: problem('Invalid body.'), ...notFound, 409: problem('It would leave no active admin.'),
    }, { requestBody: body('UserPatch', 'The fields to change.') }),
  },
  '/tokens': {
    get: admin('getTokens', 'List the API tokens (never their secrets).', ok('The tokens.', listOf('TokenResponseData'))),
    post: admin('createToken', 'Create an API token; its secret is shown only in this response.', {
      ...created('TokenCreated', 'The new token and its secret.'), 400: problem('Invalid body.'), 409: problem('The name is taken.'),
    }, { requestBody: body('TokenRequest', 'Name and scope of the token.') }),
  },
  '/tokens/{tokenName}': {
    parameters: [tokenName],
    delete: admin('revokeToken', 'Revoke an API token.', { ...noContent, ...notFound }),
  },
  '/templates': {
    get: editor('getTemplates', 'List the incident templates.', ok('The templates.', listOf('TemplateResponseData'))),
    post: editor('createTemplate', 'Create an incident template.', {
      ...created('IdField', 'The id of the new template.'), 400: problem('Invalid body or reference.'), 409: problem('The name is taken.'),
    }, { requestBody: body('TemplateRequest', 'The template.') }),
  },
  '/templates/{templateId}': {
    parameters: [templateId],
    get: editor('getTemplate', 'Get an incident template.', { ...ok('The template.', dataOf(ref('TemplateResponseData'))), ...readErrors, ...notFound }),
    patch: editor('updateTemplate', 'Update an incident template; omitted fields stay.', {
      ...noContent, 400: problem('Invalid body or reference.'), ...notFound, 409: problem('The name is taken.'),
    }, { requestBody: body('TemplateRequest', 'The fields to change (any subset).') }),
    delete: editor('deleteTemplate', 'Delete an incident template.', { ...noContent, ...notFound }),
  },
  '/audit': {
    get: admin('getAuditLog', 'The audit log, newest first: every successful write, by whom.', {
      ...ok('The entries.', listOf('AuditEntry')), ...readErrors,
    }, {
      parameters: [
        param('actor', 'query', { type: 'string' }, 'Only entries by this user (email) or token (name).'),
        param('kind', 'query', { type: 'string' }, 'Only entries about this kind of resource: the first path segment, e.g. `incidents`.'),
        param('since', 'query', { type: 'string', format: 'date-time' }, 'Only entries at or after this time.'),
        param('until', 'query', { type: 'string', format: 'date-time' }, 'Only entries at or before this time.'),
        param('before', 'query', { type: 'integer', minimum: 1 }, 'Only entries older than the entry with this id (the next page).'),
        param('limit', 'query', { type: 'integer', minimum: 1, maximum: 500, default: 100 }, 'At most this many entries.'),
      ],
    }),
  },
}

const health = (operationId: string, summary: string, responses: Json) =>
  ({ servers: [{ url: '/' }], get: { operationId, tags: ['health'], summary, responses } })

const status = (description: string) => ({ description, content: json({ type: 'object', properties: { status: { type: 'string' } }, required: ['status'] }) })

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
      { name: 'settings', description: 'Settings of the public page; an extension to SCS.' },
      { name: 'admin', description: 'The admin area: sessions, users, API tokens, the audit log, incident templates.' },
      { name: 'health', description: 'Liveness and readiness, outside /api.' },
      { name: 'statuspage', description: 'Atlassian Statuspage\'s public API v2, read-only, for tools written for it.' },
      { name: 'public', description: 'Feeds, the maintenance calendar, badges and the embeddable status, outside /api.' },
    ],
    paths: {
      ...paths,
      ...events,
      ...adminPaths,
      ...statuspagePaths,
      ...publicDocumentPaths,
      '/healthz': health('getHealth', 'Liveness: 200 while the process runs.', { 200: status('Alive.') }),
      '/readyz': health('getReadiness', 'Readiness: 200 when the database answers, 503 otherwise.', {
        200: status('Ready.'),
        503: status('The database does not answer.'),
      }),
    },
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
