import { afterAll, describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from '../../openapi/document'
import { operations } from '../../openapi/operations'
import { operationsOf, type OpenApiDocument } from '../support/openapi'
import { expectProblem, expectResponse, request, tokens, type Reply } from './client'
import { createComponent, createImpactType, createIncident, createIncidentUpdate, createPhaseList, fromNow, HOUR, uniqueName } from './fixtures'
import { freeSeverityValues, severityJanitor } from './severity-fixtures'
import { expectUnchanged } from './snapshot'

const severities = severityJanitor()
afterAll(() => severities.cleanup())

interface Call {
  path: string
  body?: unknown
  /** What else to compare before and after a refused call, beside the lists of everything. */
  reads?: string[]
}

const resource = (path: string): Pick<Call, 'path' | 'reads'> => ({ path, reads: [path] })

async function incidentWithUpdate() {
  const incident = await createIncident({ beganAt: fromNow(-HOUR) })
  const order = await createIncidentUpdate(incident)
  return { path: `/api/incidents/${incident}/updates/${order}`, reads: [`/api/incidents/${incident}/updates`] }
}

// How to prepare one call (fresh each time, so that a successful DELETE has something to delete)
// of each write operation of the SCS API, by operation id; method, path and status come from the
// operation's definition.
const prepare: Record<string, () => Promise<Call>> = {
  createPhaseList: async () => ({ path: '/api/phases', body: { phases: [uniqueName('phase')] } }),
  createImpactType: async () => ({ path: '/api/impacttypes', body: { displayName: uniqueName('Impact type') } }),
  updateImpactType: async () => ({ ...resource(`/api/impacttypes/${await createImpactType()}`), body: { displayName: uniqueName('Renamed') } }),
  deleteImpactType: async () => resource(`/api/impacttypes/${await createImpactType()}`),
  createSeverity: async () => {
    const [value] = await freeSeverityValues(1)
    return { path: '/api/severities', body: { displayName: severities.track(uniqueName('Severity')), value } }
  },
  updateSeverity: async () => {
    const { displayName } = await severities.create()
    return { ...resource(`/api/severities/${encodeURIComponent(displayName)}`), body: { displayName: severities.track(uniqueName('Renamed')) } }
  },
  deleteSeverity: async () => resource(`/api/severities/${encodeURIComponent((await severities.create()).displayName)}`),
  createComponent: async () => ({ path: '/api/components', body: { displayName: uniqueName('Component') } }),
  updateComponent: async () => ({ ...resource(`/api/components/${await createComponent()}`), body: { labels: { changed: 'yes' } } }),
  deleteComponent: async () => resource(`/api/components/${await createComponent()}`),
  createIncident: async () => ({ path: '/api/incidents', body: { displayName: uniqueName('Incident'), beganAt: fromNow(-HOUR) } }),
  updateIncident: async () => ({ ...resource(`/api/incidents/${await createIncident({ beganAt: fromNow(-HOUR) })}`), body: { endedAt: fromNow(0) } }),
  deleteIncident: async () => resource(`/api/incidents/${await createIncident({ beganAt: fromNow(-HOUR) })}`),
  createIncidentUpdate: async () => {
    const incident = await createIncident({ beganAt: fromNow(-HOUR) })
    return { ...resource(`/api/incidents/${incident}/updates`), body: { displayName: uniqueName('Update') } }
  },
  updateIncidentUpdate: async () => {
    const { path, reads } = await incidentWithUpdate()
    return { path, reads: [...reads, path], body: { description: 'more detail' } }
  },
  deleteIncidentUpdate: incidentWithUpdate,
  // An alert group that matches no rule: it changes nothing.
  receiveAlerts: async () => ({ path: '/api/integrations/alertmanager', body: { version: '4', groupKey: uniqueName('group'), status: 'resolved', alerts: [] } }),
  // The default value, so that the settings stay as tests/api/settings.test.ts expects them.
  updateSettings: async () => ({ ...resource('/api/settings'), body: { maintenanceDays: 30 } }),
}

// The admin area's own operations (sessions, users, tokens, audit, templates, webhooks) have their
// own rules and tests (sessions, roles, csrf, audit, templates, webhooks); so do subscriptions and
// beats, which anyone may make who holds the secret of their links (subscriptions, beacons).
const ownRules = (tags: readonly string[]) => ['admin', 'subscriptions', 'beacons'].some(tag => tags.includes(tag))
const apiOperations = () => operationsOf(buildOpenApiDocument() as OpenApiDocument).filter(operation => !ownRules(operation.tags))

const writeOperations = Object.values(operations)
  .filter(operation => operation.method !== 'get' && !ownRules(operation.tags))
  .map(operation => ({
    operationId: operation.operationId,
    method: operation.method.toUpperCase() as 'POST' | 'PATCH' | 'DELETE',
    /** The path as in the OpenAPI document, below /api. */
    template: operation.path,
    status: Number(Object.keys(operation.responses).find(status => status.startsWith('2'))),
    /** Only STATUS_PAGE_ADMIN_TOKEN among the tokens may call it (the page settings). */
    adminOnly: operation.access === 'admin',
    prepare: prepare[operation.operationId]!,
  }))
type WriteOperation = typeof writeOperations[number]

const send = (operation: WriteOperation, call: Call, headers: Record<string, string> = {}) =>
  request(operation.method, call.path, { body: call.body, token: null, headers })

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

function expectUnauthorized(reply: Reply) {
  expectProblem(reply, 401)
  expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer\b/)
}

describe('write access', () => {
  it('covers every write operation of the OpenAPI document, each one secured', () => {
    const writes = apiOperations().filter(operation => operation.method !== 'get')
    const key = (o: { operationId: string, method: string, path: string }) => `${o.operationId} ${o.method.toUpperCase()} ${o.path}`
    expect(writeOperations.map(o => key({ ...o, path: o.template })).sort()).toEqual(writes.map(key).sort())
    expect(Object.keys(prepare).sort()).toEqual(writes.map(operation => operation.operationId).sort())
    expect(writes.filter(operation => !operation.secured)).toEqual([])
  })

  describe.each(writeOperations)('$method $template ($operationId)', (operation) => {
    it('answers 401 without a token, with an unknown token and with Basic, 403 with a read-only token; changes nothing', async () => {
      const call = await operation.prepare()
      await expectUnchanged(async () => {
        const none = await send(operation, call)
        expectUnauthorized(none)
        expectUnauthorized(await send(operation, call, bearer('scs_unknown-token-0123456789abcdefghij')))
        expectUnauthorized(await send(operation, call, bearer(`${tokens.readWrite}x`)))
        expectUnauthorized(await send(operation, call, { authorization: `Basic ${Buffer.from(`admin:${tokens.admin}`).toString('base64')}` }))
        expectUnauthorized(await send(operation, call, { authorization: tokens.admin }))
        expectUnauthorized(await send(operation, call, { authorization: 'Bearer' }))
        expectProblem(await send(operation, call, bearer(tokens.readOnly)), 403)
      }, call.reads)
    })

    it('succeeds with a read-write token from the CLI (the admin token where only it may), with the admin token, and with a lower-case scheme', async () => {
      const writer = operation.adminOnly ? tokens.admin : tokens.readWrite
      if (operation.adminOnly) expectProblem(await send(operation, await operation.prepare(), bearer(tokens.readWrite)), 403)
      for (const headers of [bearer(writer), bearer(tokens.admin), { authorization: `bearer ${writer}` }]) {
        const call = await operation.prepare()
        expectResponse(await send(operation, call, headers), operation.operationId, operation.status)
      }
    })
  })

  it('checks the token before the body: broken JSON without a token is 401, with a read-only token 403', async () => {
    const broken = { raw: '{"displayName": ', headers: { 'content-type': 'application/json' } }
    expectUnauthorized(await request('POST', '/api/components', { ...broken, token: null }))
    expectProblem(await request('POST', '/api/components', { ...broken, token: tokens.readOnly }), 403)
  })

  it('checks the token before the id: an unknown id without a token is 401, not 404', async () => {
    expectUnauthorized(await request('DELETE', `/api/components/${crypto.randomUUID()}`, { token: null }))
    expectUnauthorized(await request('DELETE', '/api/components/not-a-uuid', { token: null }))
  })
})

describe('read access', () => {
  // One of each resource, for the reads that need an id.
  async function readPaths() {
    const component = await createComponent()
    const type = await createImpactType()
    const incident = await createIncident({ beganAt: fromNow(-HOUR), affects: [{ reference: component, type, severity: 30 }] })
    const order = await createIncidentUpdate(incident)
    const generation = await createPhaseList([uniqueName('read phase')])
    const severity = await severities.create()
    return {
      getPhaseList: `/api/phases?generation=${generation}`,
      getImpactTypes: '/api/impacttypes',
      getImpactType: `/api/impacttypes/${type}`,
      getSeverities: '/api/severities',
      getSeverity: `/api/severities/${encodeURIComponent(severity.displayName)}`,
      getComponents: '/api/components',
      getComponent: `/api/components/${component}`,
      getUptime: '/api/uptime',
      getComponentUptime: `/api/components/${component}/uptime?timeZone=Europe/Berlin`,
      getIncidents: `/api/incidents?start=${encodeURIComponent(fromNow(-2 * HOUR))}&end=${encodeURIComponent(fromNow(0))}`,
      getIncident: `/api/incidents/${incident}`,
      getIncidentUpdates: `/api/incidents/${incident}/updates`,
      getIncidentUpdate: `/api/incidents/${incident}/updates/${order}`,
      getSettings: '/api/settings',
      getStatuspageSummary: '/api/v2/summary.json',
      getStatuspageStatus: '/api/v2/status.json',
      getStatuspageComponents: '/api/v2/components.json',
      getStatuspageIncidents: '/api/v2/incidents.json',
      getStatuspageUnresolvedIncidents: '/api/v2/incidents/unresolved.json',
      getStatuspageMaintenances: '/api/v2/scheduled-maintenances.json',
      getStatuspageUpcomingMaintenances: '/api/v2/scheduled-maintenances/upcoming.json',
      getStatuspageActiveMaintenances: '/api/v2/scheduled-maintenances/active.json',
      getRssFeed: '/feed.rss',
      getAtomFeed: '/feed.atom',
      getMaintenanceCalendar: '/maintenance.ics',
    } as Record<string, string>
  }

  it('needs no token for any read of the API, and a read-only token may read too', async () => {
    const paths = await readPaths()
    const reads = apiOperations()
      // The event stream never ends; tests/api/page-cache.test.ts reads it anonymously.
      .filter(operation => operation.method === 'get' && !['/healthz', '/readyz', '/events'].includes(operation.path))
    expect(Object.keys(paths).sort()).toEqual(reads.map(operation => operation.operationId).sort())
    for (const operation of reads) {
      expect(operation.secured, operation.operationId).toBe(false)
      const path = paths[operation.operationId]!
      expectResponse(await request('GET', path, { token: null }), operation.operationId, 200)
      expectResponse(await request('GET', path, { token: tokens.readOnly }), operation.operationId, 200)
    }
  })
})
