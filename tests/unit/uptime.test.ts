// The uptime arithmetic, on hand-made incidents in an embedded database: overlaps, maintenance,
// open incidents, incidents reaching into the period, and periods cut around a DST change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../db/client.ts'
import { migrate } from '../../db/migrate.ts'
import { createComponent } from '../../server/services/components.ts'
import { createImpactType } from '../../server/services/impact-types.ts'
import { createIncident } from '../../server/services/incidents.ts'
import { uptimeOf } from '../../server/services/uptime.ts'

let handle: DatabaseHandle
let componentId: string
let otherId: string
let typeId: string
const HOUR = 3600

const incident = (beganAt: string, endedAt: string | null, severity: number, reference = componentId) =>
  createIncident(handle.db, { displayName: 'x', beganAt, endedAt, affects: [{ reference, type: typeId, severity }] })

beforeAll(async () => {
  handle = await openDatabase({ url: 'memory://', dataDir: '' })
  await migrate(handle.db)
  componentId = (await createComponent(handle.db, { displayName: 'Compute' })).id
  otherId = (await createComponent(handle.db, { displayName: 'Storage' })).id
  typeId = (await createImpactType(handle.db, { displayName: 'Outage' })).id
  await incident('2026-03-23T20:00:00Z', '2026-03-24T01:00:00Z', 100) // 2 h inside the 7 days
  await incident('2026-03-25T10:00:00Z', '2026-03-25T11:00:00Z', 100) // 1 h down
  await incident('2026-03-25T10:30:00Z', '2026-03-25T12:30:00Z', 50) // overlaps: 1.5 h more at half
  await incident('2026-03-28T00:00:00Z', '2026-03-28T02:00:00Z', 0) // maintenance, 2 h
  await incident('2026-03-28T00:30:00Z', '2026-03-28T01:00:00Z', 100) // within maintenance: left out
  await incident('2026-03-30T11:00:00Z', null, 20) // still open: 1 h at a fifth
  await incident('2026-03-25T00:00:00Z', '2026-03-26T00:00:00Z', 100, otherId)
}, 60_000)

afterAll(() => handle?.close())

describe('uptimeOf', () => {
  it('weighs by severity, counts overlaps once at the worst, and leaves maintenance out', async () => {
    const now = new Date('2026-03-30T12:00:00Z')
    const [week, month] = (await uptimeOf(handle.db, [componentId], 'Europe/Berlin', now)).get(componentId)!
    // Midnight of 24 March in Berlin (CET), six days and thirteen hours before now.
    expect(week!.from).toBe('2026-03-23T23:00:00.000Z')
    const down = 2 * HOUR + 1 * HOUR + 1.5 * HOUR * 0.5 + 1 * HOUR * 0.2
    expect(week!.downSeconds).toBe(down)
    expect(week!.maintenanceSeconds).toBe(2 * HOUR)
    expect(week!.uptime).toBeCloseTo(1 - down / ((6 * 24 + 13) * HOUR - 2 * HOUR), 10)
    // The month reaches back over the whole first incident (5 h).
    expect(month!.from).toBe('2026-02-28T23:00:00.000Z')
    expect(month!.downSeconds).toBe(down + 3 * HOUR)
  })

  it('cuts the period at midnight in the visitor\'s time zone, after a DST change too', async () => {
    const now = new Date('2026-04-05T12:00:00Z')
    const uptime = await uptimeOf(handle.db, [componentId, otherId], 'Europe/Berlin', now)
    // Midnight of 30 March in Berlin is CEST now: 22:00 UTC the day before.
    expect(uptime.get(componentId)![0]!.from).toBe('2026-03-29T22:00:00.000Z')
    expect(uptime.get(otherId)![0]).toMatchObject({ downSeconds: 0, uptime: 1 })
    const utc = await uptimeOf(handle.db, [otherId], 'UTC', new Date('2026-03-26T00:00:00Z'))
    expect(utc.get(otherId)![0]).toMatchObject({ from: '2026-03-20T00:00:00.000Z', downSeconds: 24 * HOUR })
  })

  it('has no figure for a period that was all maintenance', async () => {
    const id = (await createComponent(handle.db, { displayName: 'Planned' })).id
    await incident('2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z', 0, id)
    const [week] = (await uptimeOf(handle.db, [id], 'UTC', new Date('2026-06-01T00:00:00Z'))).get(id)!
    expect(week!.uptime).toBeUndefined()
  })
})
