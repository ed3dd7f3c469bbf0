import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startAlertmanager } from '../support/alertmanager'
import { del, expectProblem, expectResponse, get, patch, post, tokens } from './client'
import { createComponent, createImpactType, DAY, fromNow, query, uniqueName, unknownId } from './fixtures'

let componentId: string
let typeId: string
const rules: string[] = []
let service = ''

async function createRule(overrides: Record<string, unknown> = {}) {
  const rule = expectResponse(await post('/api/alert-rules', {
    matchers: { service, region: 'de-west' }, componentId, impactType: typeId, severity: 40, severityByLabel: { critical: 90, warning: 50 }, ...overrides,
  }), 'createAlertRule', 201)
  rules.push(rule.id)
  return rule
}

const payload = (groupKey: string, status: 'firing' | 'resolved', severity = 'critical') => ({
  version: '4', groupKey, status, receiver: 'status-page',
  groupLabels: { alertname: 'StorageDown', service },
  commonLabels: { alertname: 'StorageDown', service, region: 'de-west', severity },
  commonAnnotations: { summary: `Object storage ${service} is down` },
  alerts: [{ status, labels: { alertname: 'StorageDown', service, region: 'de-west', severity }, annotations: {}, startsAt: new Date().toISOString() }],
})
const notify = (body: unknown) => post('/api/integrations/alertmanager', body, { token: tokens.readWrite })

async function incidentsOnComponent() {
  const incidents = (await get(`/api/incidents${query({ start: fromNow(-DAY), end: fromNow(DAY) })}`)).body.data as { id: string, displayName: string, endedAt: string | null, affects: { reference: string, severity: number }[] }[]
  return incidents.filter(incident => incident.affects.some(impact => impact.reference === componentId))
}

beforeAll(async () => {
  componentId = await createComponent()
  typeId = await createImpactType()
})

afterAll(async () => {
  for (const id of rules) await del(`/api/alert-rules/${id}`)
})

describe('alert rules', () => {
  it('are kept by admins only', async () => {
    service = uniqueName('svc').replace(/\W+/g, '-')
    const rule = await createRule()
    expect(rule).toMatchObject({ matchers: { service, region: 'de-west' }, severity: 40, severityByLabel: { critical: 90, warning: 50 } })
    expect((await patch(`/api/alert-rules/${rule.id}`, { severity: 45 })).status).toBe(204)
    expect((await get('/api/alert-rules', { token: tokens.admin })).body.data.find((r: { id: string }) => r.id === rule.id).severity).toBe(45)
    expectProblem(await get('/api/alert-rules', { token: tokens.readWrite }), 403)
    expectProblem(await post('/api/alert-rules', { matchers: {}, componentId, impactType: typeId, severity: 40 }), 400, 'matchers')
    expectProblem(await post('/api/alert-rules', { matchers: { a: 'b' }, componentId: unknownId(), impactType: typeId, severity: 40 }), 400, 'componentId')
    expect((await del(`/api/alert-rules/${rule.id}`)).status).toBe(204)
  })
})

describe('the Alertmanager webhook', () => {
  it('opens one incident per alert group, takes retries and repeats calmly, and resolves it', async () => {
    service = uniqueName('svc').replace(/\W+/g, '-')
    await createRule()
    const group = `{}:{alertname="StorageDown", service="${service}"}`
    const opened = expectResponse(await notify(payload(group, 'firing')), 'receiveAlerts', 200).data
    expect(opened.outcome).toBe('opened')
    expect((await notify(payload(group, 'firing'))).body.data).toEqual({ outcome: 'updated', incidentId: opened.incidentId })
    expect((await notify(payload(group, 'firing', 'warning'))).body.data.outcome).toBe('updated')
    const [incident] = await incidentsOnComponent()
    expect(incident).toMatchObject({ id: opened.incidentId, displayName: `Object storage ${service} is down`, endedAt: null })
    expect(incident!.affects[0]!.severity).toBe(50)
    expect((await notify(payload(group, 'resolved'))).body.data).toEqual({ outcome: 'resolved', incidentId: opened.incidentId })
    expect((await notify(payload(group, 'resolved'))).body.data).toEqual({ outcome: 'ignored' })
    expect((await incidentsOnComponent()).every(i => i.endedAt !== null)).toBe(true)
  })

  it('ignores alerts that no rule matches, and needs a token', async () => {
    const body = { ...payload('{}:{x="y"}', 'firing'), alerts: [{ status: 'firing', labels: { alertname: 'Other' } }] }
    expect((await notify(body)).body.data).toEqual({ outcome: 'ignored' })
    expectProblem(await post('/api/integrations/alertmanager', body, { token: null }), 401)
    expectProblem(await notify({ version: '3', groupKey: 'x', status: 'firing', alerts: [] }), 400, 'version')
  })
})

describe('a real Alertmanager', () => {
  let alertmanager: Awaited<ReturnType<typeof startAlertmanager>>

  beforeAll(async () => {
    alertmanager = await startAlertmanager(`${inject('baseUrl')}/api/integrations/alertmanager`, tokens.readWrite)
  }, 60_000)

  afterAll(() => alertmanager?.stop())

  it('opens an incident on the page when an alert fires, and resolves it when the alert does', async () => {
    service = uniqueName('svc').replace(/\W+/g, '-')
    await createRule()
    const alert = { labels: { alertname: 'StorageDown', service, region: 'de-west', severity: 'critical' }, annotations: { summary: `Storage ${service} down` } }
    const fired = Date.now()
    await alertmanager.post([{ ...alert, startsAt: new Date().toISOString() }])
    let open
    for (const end = Date.now() + 30_000; !open && Date.now() < end;) {
      const html = await (await fetch(`${inject('baseUrl')}/`)).text()
      if (html.includes(`Storage ${service} down`)) open = (await incidentsOnComponent()).find(i => i.endedAt === null)
      else await new Promise(resolve => setTimeout(resolve, 100))
    }
    expect(open, alertmanager.output()).toBeDefined()
    console.info(`alert fired → incident on /: ${Date.now() - fired} ms`)
    expect(open!.affects[0]!.severity).toBe(90)

    await alertmanager.post([{ ...alert, startsAt: new Date(fired).toISOString(), endsAt: new Date().toISOString() }])
    let resolved = false
    for (const end = Date.now() + 30_000; !resolved && Date.now() < end;) {
      resolved = (await get(`/api/incidents/${open!.id}`)).body.data.endedAt !== null
      if (!resolved) await new Promise(resolve => setTimeout(resolve, 200))
    }
    expect(resolved, alertmanager.output()).toBe(true)
  }, 90_000)
})
