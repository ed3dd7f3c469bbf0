// The Statuspage-compatible reads under /api/v2, each body checked against Statuspage's documented
// shape (tests/support/statuspage-shapes.ts): incidents, maintenance in each state, grouped and
// ungrouped components, the severity mapping from the settings, CORS and 304.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { z } from 'zod'
import * as shapes from '../support/statuspage-shapes'
import { createComponent, createImpactType, createIncident, createIncidentUpdate, DAY, fromNow, HOUR, windowFromNow } from './fixtures'
import { expectResponse, get, patch } from './client'

const label = `sp-${crypto.randomUUID().slice(0, 8)}`
type Name = 'west1' | 'west2' | 'east' | 'alone' | 'outage' | 'partial' | 'resolved' | 'upcoming' | 'active' | 'completed'
const ids = {} as Record<Name, string>

async function read<T extends z.ZodType>(path: string, shape: T): Promise<z.infer<T>> {
  const reply = await get(`/api/v2/${path}`)
  expect(reply.status, JSON.stringify(reply.body)).toBe(200)
  expect(reply.headers.get('content-type')).toContain('application/json')
  const parsed = shape.safeParse(reply.body)
  if (!parsed.success) throw new Error(`${path} does not match Statuspage's shape: ${parsed.error.message}`)
  return parsed.data
}

beforeAll(async () => {
  expectResponse(await patch('/api/settings', { groupBy: [label], statuspageStatuses: { degradedPerformance: 1, partialOutage: 40, majorOutage: 70 } }), 'updateSettings', 204)
  ids.west1 = await createComponent({ labels: { [label]: 'west' } })
  ids.west2 = await createComponent({ labels: { [label]: 'west' } })
  ids.east = await createComponent({ labels: { [label]: 'east' } })
  ids.alone = await createComponent({ labels: {} })
  const type = await createImpactType()
  const on = (reference: string, severity: number) => [{ reference, type, severity }]
  ids.outage = await createIncident({ beganAt: fromNow(-3000), affects: on(ids.west1, 80) })
  ids.partial = await createIncident({ beganAt: fromNow(-3000), affects: on(ids.east, 50) })
  await createIncidentUpdate(ids.partial, { displayName: 'Found it', description: 'A broken switch' })
  ids.resolved = await createIncident({ beganAt: fromNow(-4000), endedAt: fromNow(-1000), affects: on(ids.west2, 20) })
  // incidents.json holds the 50 newest: ours begin after everything earlier test files made.
  ids.upcoming = await createIncident({ ...windowFromNow(DAY, HOUR), affects: on(ids.alone, 0) })
  ids.active = await createIncident({ beganAt: fromNow(-HOUR), endedAt: fromNow(HOUR), affects: on(ids.west2, 0) })
  ids.completed = await createIncident({ beganAt: fromNow(-2 * DAY), endedAt: fromNow(-2 * DAY + HOUR), affects: on(ids.alone, 0) })
})

afterAll(async () => {
  expectResponse(await patch('/api/settings', { groupBy: ['region', 'az'], statuspageStatuses: null }), 'updateSettings', 204)
})

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map(item => [item.id, item]))

describe('/api/v2 (Statuspage-compatible)', () => {
  it('components.json: statuses by value range, groups by the first grouping label', async () => {
    const { components, page } = await read('components.json', shapes.ComponentsResponse)
    const all = byId(components)
    expect(all.get(ids.west1)!.status).toBe('major_outage')
    expect(all.get(ids.west2)!.status).toBe('under_maintenance')
    expect(all.get(ids.east)!.status).toBe('partial_outage')
    expect(all.get(ids.alone)!.status).toBe('operational')
    const west = components.find(c => c.group && c.name === 'west')!
    expect(west.components!.sort()).toEqual([ids.west1, ids.west2].sort())
    expect(west.status).toBe('major_outage')
    expect(west.group_id).toBeNull()
    expect(all.get(ids.west1)!.group_id).toBe(west.id)
    expect(all.get(ids.east)!.group_id).toBe(components.find(c => c.group && c.name === 'east')!.id)
    expect(all.get(ids.alone)!.group_id).toBeNull()
    expect(all.get(ids.alone)!.group).toBe(false)
    expect(components.map(c => c.position)).toEqual(components.map((_, i) => i + 1))
    expect(components.every(c => c.page_id === page.id)).toBe(true)
  })

  it('status.json: the worst active impact as the indicator', async () => {
    const { status, page } = await read('status.json', shapes.StatusResponse)
    expect(status).toEqual({ indicator: 'critical', description: 'Major System Outage' })
    expect(page.name).toBeTruthy()
    expect(page.url).toBe(inject('baseUrl'))
  })

  it('incidents.json and incidents/unresolved.json: incidents, not maintenance', async () => {
    const { incidents } = await read('incidents.json', shapes.IncidentsResponse)
    const all = byId(incidents)
    expect(all.get(ids.outage)).toMatchObject({ status: 'investigating', impact: 'critical', resolved_at: null })
    expect(all.get(ids.resolved)).toMatchObject({ status: 'resolved', impact: 'minor' })
    expect(all.get(ids.resolved)!.resolved_at).not.toBeNull()
    expect(all.has(ids.active)).toBe(false)
    const partial = all.get(ids.partial)!
    expect(partial.impact).toBe('major')
    expect(partial.shortlink).toMatch(new RegExp(`/incidents/${ids.partial}$`))
    expect(partial.components.map(c => c.id)).toEqual([ids.east])
    expect(partial.incident_updates).toEqual([expect.objectContaining({ status: 'investigating', body: 'Found it\n\nA broken switch', incident_id: ids.partial })])

    const unresolved = byId((await read('incidents/unresolved.json', shapes.IncidentsResponse)).incidents)
    expect(unresolved.has(ids.outage) && unresolved.has(ids.partial)).toBe(true)
    expect(unresolved.has(ids.resolved)).toBe(false)
  })

  it('scheduled-maintenances.json, upcoming.json and active.json: maintenance by state', async () => {
    const all = byId((await read('scheduled-maintenances.json', shapes.MaintenancesResponse)).scheduled_maintenances)
    expect(all.get(ids.upcoming)).toMatchObject({ status: 'scheduled', impact: 'maintenance' })
    expect(all.get(ids.active)).toMatchObject({ status: 'in_progress', impact: 'maintenance' })
    expect(all.get(ids.completed)).toMatchObject({ status: 'completed', impact: 'maintenance' })
    expect(Date.parse(all.get(ids.upcoming)!.scheduled_until) - Date.parse(all.get(ids.upcoming)!.scheduled_for)).toBe(HOUR)
    expect(all.has(ids.outage)).toBe(false)

    const upcoming = byId((await read('scheduled-maintenances/upcoming.json', shapes.MaintenancesResponse)).scheduled_maintenances)
    expect([upcoming.has(ids.upcoming), upcoming.has(ids.active), upcoming.has(ids.completed)]).toEqual([true, false, false])
    const active = byId((await read('scheduled-maintenances/active.json', shapes.MaintenancesResponse)).scheduled_maintenances)
    expect([active.has(ids.upcoming), active.has(ids.active), active.has(ids.completed)]).toEqual([false, true, false])
  })

  it('summary.json: components, unresolved incidents, upcoming and active maintenance, status', async () => {
    const summary = await read('summary.json', shapes.Summary)
    expect(byId(summary.components).get(ids.east)!.status).toBe('partial_outage')
    const incidents = byId(summary.incidents)
    expect(incidents.has(ids.outage) && !incidents.has(ids.resolved)).toBe(true)
    const maintenance = byId(summary.scheduled_maintenances)
    expect([maintenance.has(ids.upcoming), maintenance.has(ids.active), maintenance.has(ids.completed)]).toEqual([true, true, false])
    expect(summary.status.indicator).toBe('critical')
  })

  it('follows the mapping an admin sets in the settings', async () => {
    expectResponse(await patch('/api/settings', { statuspageStatuses: { degradedPerformance: 1, partialOutage: 60, majorOutage: 90 } }), 'updateSettings', 204)
    const components = byId((await read('components.json', shapes.ComponentsResponse)).components)
    expect(components.get(ids.west1)!.status).toBe('partial_outage')
    expect(components.get(ids.east)!.status).toBe('degraded_performance')
    expect((await patch('/api/settings', { statuspageStatuses: { degradedPerformance: 50, partialOutage: 40, majorOutage: 90 } })).status).toBe(400)
  })

  it('is open to other origins and answers 304 to a known ETag', async () => {
    const first = await get('/api/v2/summary.json', { headers: { origin: 'https://dashboard.example' } })
    expect(first.headers.get('access-control-allow-origin')).toBe('*')
    const again = await get('/api/v2/summary.json', { headers: { 'if-none-match': first.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })
})
