import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { del, expectProblem, expectResponse, get, patch, post, tokens } from './client'
import { createComponent, createImpactType, DAY, fromNow, query, uniqueName, unknownId } from './fixtures'

let componentId: string
let typeId: string
const created: string[] = []

async function createBeacon(overrides: Record<string, unknown> = {}) {
  const beacon = expectResponse(await post('/api/health-beacons', {
    componentId, name: uniqueName('Nightly backup'), intervalSeconds: 3600, graceSeconds: 60, impactType: typeId, severity: 60, ...overrides,
  }, { token: tokens.readWrite }), 'createBeacon', 201)
  created.push(beacon.id)
  return beacon as { id: string, url: string, state: string }
}

const pathOf = (beacon: { url: string }) => new URL(beacon.url).pathname
const beat = (beacon: { url: string }, status?: string, method = 'POST') =>
  fetch(`${inject('baseUrl')}${pathOf(beacon)}${status ? `?status=${status}` : ''}`, { method })

/** The incidents that are open on the component now. */
async function openIncidents() {
  const incidents = (await get(`/api/incidents${query({ start: fromNow(-DAY), end: fromNow(DAY) })}`)).body.data as { id: string, displayName: string, endedAt: string | null, updates: number[], affects: { reference: string, severity: number }[] }[]
  return incidents.filter(incident => incident.endedAt === null && incident.affects.some(impact => impact.reference === componentId))
}

async function until<T>(what: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    const found = await what()
    if (found !== undefined) return found
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`not within ${timeoutMs} ms`)
}

beforeAll(async () => {
  componentId = await createComponent()
  typeId = await createImpactType()
})

afterAll(async () => {
  for (const id of created) await del(`/api/health-beacons/${id}`)
})

describe('health beacons', () => {
  it('are created with a secret URL, listed, changed and removed by writers', async () => {
    const beacon = await createBeacon()
    expect(beacon.url).toMatch(/\/api\/beacons\/[\w-]{43}$/)
    expect(beacon.state).toBe('waiting')
    const list = expectResponse(await get('/api/health-beacons', { token: tokens.readWrite }), 'getBeacons', 200).data
    expect(list.find((entry: { id: string }) => entry.id === beacon.id)).toMatchObject({ componentId, intervalSeconds: 3600, severity: 60 })
    expect((await patch(`/api/health-beacons/${beacon.id}`, { graceSeconds: 300 })).status).toBe(204)
    expect((await del(`/api/health-beacons/${beacon.id}`)).status).toBe(204)
    expectProblem(await del(`/api/health-beacons/${beacon.id}`), 404)
    expectProblem(await get('/api/health-beacons'), 401)
    expectProblem(await get('/api/health-beacons', { token: tokens.readOnly }), 403)
  })

  it('refuse an unknown component or impact type with 400', async () => {
    const body = { componentId: unknownId(), name: 'x', intervalSeconds: 60, graceSeconds: 0, impactType: typeId, severity: 50 }
    expectProblem(await post('/api/health-beacons', body), 400, 'componentId')
    expectProblem(await post('/api/health-beacons', { ...body, componentId, impactType: unknownId() }), 400, 'impactType')
  })

  it('open an incident when a beat is missed, shown on the page, and resolve it when beats resume', async () => {
    const beacon = await createBeacon({ intervalSeconds: 10, graceSeconds: 0 })
    expect((await beat(beacon)).status).toBe(204)
    const due = Date.now() + 10_000
    const incident = await until(async () => (await openIncidents()).find(i => i.displayName.includes('does not report')), 40_000)
    const page = await until(async () => {
      const html = await (await fetch(`${inject('baseUrl')}/`)).text()
      return html.includes(incident.displayName) ? html : undefined
    }, 10_000)
    expect(page).toContain(incident.displayName)
    console.info(`missed beat → incident on /: ${Date.now() - due} ms after the beacon was due`)
    expect(incident.affects).toEqual([expect.objectContaining({ reference: componentId, severity: 60 })])
    const listed = (await get('/api/health-beacons', { token: tokens.readWrite })).body.data.find((entry: { id: string }) => entry.id === beacon.id)
    expect(listed.state).toBe('late')

    expect((await beat(beacon, undefined, 'GET')).status).toBe(204)
    // Reads may be served from before the beat for about a second (a GET beat is no write of this client's).
    await until(async () => (await get(`/api/incidents/${incident.id}`)).body.data.endedAt ?? undefined, 5000)
    const updates = (await get(`/api/incidents/${incident.id}/updates`)).body.data
    expect(updates.at(-1).displayName).toBe('Beats resumed')
    expect((await until(async () => (await openIncidents()).some(i => i.id === incident.id) ? undefined : true, 5000))).toBe(true)
  }, 90_000)

  it('open at once on a beat that says down, at half the severity for degraded, and resolve on up', async () => {
    const beacon = await createBeacon()
    expect((await beat(beacon, 'degraded', 'GET')).status).toBe(204)
    const [opened] = await openIncidents()
    expect(opened!.affects[0]!.severity).toBe(30)
    expect((await beat(beacon, 'down')).status).toBe(204)
    const [worse] = await openIncidents()
    expect(worse!.id).toBe(opened!.id)
    expect(worse!.affects[0]!.severity).toBe(60)
    expect((await beat(beacon, 'up')).status).toBe(204)
    expect(await openIncidents()).toEqual([])
  })

  it('leave an incident that an operator took over', async () => {
    const beacon = await createBeacon()
    await beat(beacon, 'down')
    const [incident] = await openIncidents()
    const automation = () => get(`/api/incidents/${incident!.id}/automation`, { token: tokens.readWrite })
    expect(expectResponse(await automation(), 'getIncidentAutomation', 200).data).toEqual({ automatedBy: 'beacon', takenOver: false })
    expect((await post(`/api/incidents/${incident!.id}/takeover`, undefined, { token: tokens.readWrite })).status).toBe(204)
    expect((await automation()).body.data).toEqual({ automatedBy: 'beacon', takenOver: true })
    await beat(beacon, 'up')
    expect((await openIncidents()).map(i => i.id)).toEqual([incident!.id])
    expect((await patch(`/api/incidents/${incident!.id}`, { endedAt: new Date().toISOString() })).status).toBe(204)
  })

  it('say of an incident an operator opened that it is not automated, and 404 for an unknown one', async () => {
    const incident = expectResponse(await post('/api/incidents', { displayName: uniqueName('By hand') }), 'createIncident', 201)
    expect((await get(`/api/incidents/${incident.id}/automation`, { token: tokens.readWrite })).body.data).toEqual({ takenOver: false })
    expectProblem(await get(`/api/incidents/${unknownId()}/automation`, { token: tokens.readWrite }), 404)
    expectProblem(await get(`/api/incidents/${incident.id}/automation`, { token: tokens.readOnly }), 403)
    expect((await del(`/api/incidents/${incident.id}`)).status).toBe(204)
  })

  it('answer 404 for an unknown URL and 400 for an unknown status', async () => {
    expect((await fetch(`${inject('baseUrl')}/api/beacons/${'x'.repeat(43)}`, { method: 'POST' })).status).toBe(404)
    const beacon = await createBeacon()
    expect((await beat(beacon, 'sideways')).status).toBe(400)
  })
})
