import { beforeAll, describe, expect, it } from 'vitest'
import type { IncidentData } from '../../openapi/schemas'
import { del, expectProblem, expectResponse, get, patch, post } from './client'
import {
  after, createComponent, createImpactType, createIncident, createIncidentUpdate, createPhaseList,
  DAY, fromNow, HOUR, query, uniqueName, unknownId,
} from './fixtures'

async function readIncident(id: string): Promise<IncidentData> {
  return expectResponse(await get(`/api/incidents/${id}`), 'getIncident', 200).data
}

async function listIncidents(start: string, end: string): Promise<IncidentData[]> {
  return expectResponse(await get(`/api/incidents${query({ start, end })}`), 'getIncidents', 200).data
}

async function activelyAffectedBy(componentId: string) {
  return expectResponse(await get(`/api/components/${componentId}`), 'getComponent', 200).data.activelyAffectedBy
}

let component: string
let otherComponent: string
let impactType: string
let otherImpactType: string
let generation: number

beforeAll(async () => {
  ;[component, otherComponent, impactType, otherImpactType, generation] = await Promise.all([
    createComponent(), createComponent(), createImpactType(), createImpactType(),
    createPhaseList(['detected', 'working', 'fixed']),
  ])
})

describe('POST /incidents', () => {
  it('stores every field and returns them as SCS describes', async () => {
    const body = {
      displayName: uniqueName('Full incident'),
      description: 'Volumes cannot be attached.',
      beganAt: '2031-04-01T08:00:00.000Z',
      endedAt: '2031-04-01T09:30:00.000Z',
      phase: { generation, order: 2 },
      affects: [
        { reference: component, type: impactType, severity: 60 },
        { reference: otherComponent, type: otherImpactType, severity: 20 },
      ],
    }
    const { id } = expectResponse(await post('/api/incidents', body), 'createIncident', 201)
    const incident = await readIncident(id)
    expect(incident).toEqual({ ...body, id, updates: [], affects: expect.any(Array) })
    expect(incident.affects).toHaveLength(2)
    expect(incident.affects).toEqual(expect.arrayContaining(body.affects))
  })

  it('needs nothing but a displayName: beganAt is now, endedAt null, absent fields omitted', async () => {
    const before = Date.now()
    const id = await createIncident({ displayName: 'Only a name' })
    const afterCreation = Date.now()
    const incident = await readIncident(id)
    expect(incident).toEqual({ id, displayName: 'Only a name', beganAt: expect.any(String), endedAt: null, updates: [], affects: [] })
    expect(incident).not.toHaveProperty('description')
    expect(incident).not.toHaveProperty('phase')
    const beganAt = Date.parse(incident.beganAt)
    expect(beganAt).toBeGreaterThanOrEqual(before - 1000)
    expect(beganAt).toBeLessThanOrEqual(afterCreation + 1000)
  })

  it('reads instants with any offset and returns the same instant', async () => {
    const id = await createIncident({ beganAt: '2031-05-01T10:00:00+02:00', endedAt: '2031-05-01T12:00:00-01:00' })
    const incident = await readIncident(id)
    expect(Date.parse(incident.beganAt)).toBe(Date.parse('2031-05-01T08:00:00Z'))
    expect(Date.parse(incident.endedAt!)).toBe(Date.parse('2031-05-01T13:00:00Z'))
  })

  it('keeps an explicit endedAt null open', async () => {
    const id = await createIncident({ beganAt: fromNow(-HOUR), endedAt: null })
    expect((await readIncident(id)).endedAt).toBeNull()
  })

  it('ignores the read-only id and updates a client echoes back', async () => {
    const echoed = unknownId()
    const { id } = expectResponse(await post('/api/incidents', { id: echoed, displayName: uniqueName('Echo'), updates: [7] }), 'createIncident', 201)
    expect(id).not.toBe(echoed)
    expect((await readIncident(id)).updates).toEqual([])
    expectProblem(await get(`/api/incidents/${echoed}`), 404)
  })

  it('accepts one component affected in two ways', async () => {
    const affects = [
      { reference: component, type: impactType, severity: 30 },
      { reference: component, type: otherImpactType, severity: 70 },
    ]
    const id = await createIncident({ affects })
    expect((await readIncident(id)).affects).toEqual(expect.arrayContaining(affects))
  })

  it('schedules maintenance with both times in the future', async () => {
    const beganAt = fromNow(2 * DAY)
    const endedAt = fromNow(2 * DAY + 2 * HOUR)
    const id = await createIncident({ beganAt, endedAt, affects: [{ reference: component, type: impactType, severity: 0 }] })
    const incident = await readIncident(id)
    expect(Date.parse(incident.beganAt)).toBe(Date.parse(beganAt))
    expect(Date.parse(incident.endedAt!)).toBe(Date.parse(endedAt))
    expect(incident.affects).toEqual([{ reference: component, type: impactType, severity: 0 }])
  })

  describe('refuses, naming the field, and stores nothing', () => {
    // Every refused incident begins in this hour, so the window shows whether one slipped through.
    const beganAt = '2032-02-02T02:00:00.000Z'
    const refusedName = uniqueName('Refused')

    const refuse = async (body: Record<string, unknown>, field: string) =>
      expectProblem(await post('/api/incidents', { displayName: refusedName, beganAt, ...body }), 400, field)

    it('without a displayName, or with a blank one', async () => {
      expectProblem(await post('/api/incidents', { beganAt }), 400, 'displayName')
      await refuse({ displayName: '   ' }, 'displayName')
    })

    it('with endedAt before beganAt', async () => {
      await refuse({ endedAt: after(beganAt, -1000) }, 'endedAt')
    })

    it('with dates that are not RFC 3339 instants', async () => {
      await refuse({ beganAt: 'yesterday' }, 'beganAt')
      await refuse({ endedAt: '2032-02-02' }, 'endedAt')
      await refuse({ beganAt: '2032-02-02T02:00:00' }, 'beganAt')
    })

    it('with instants the database cannot keep', async () => {
      await refuse({ beganAt: '0000-01-01T00:00:00Z', endedAt: '2032-02-02T03:00:00Z' }, 'beganAt')
      await refuse({ endedAt: '9999-12-31T23:00:00-12:00' }, 'endedAt')
    })

    it('with maintenance (severity 0) that has no end', async () => {
      await refuse({ affects: [{ reference: component, type: impactType, severity: 0 }] }, 'endedAt')
      await refuse({ endedAt: null, affects: [{ reference: component, type: impactType, severity: 0 }] }, 'endedAt')
    })

    it('with maintenance (severity 0) that has no stated start', async () => {
      const body = { displayName: refusedName, endedAt: '2032-02-02T03:00:00Z', affects: [{ reference: component, type: impactType, severity: 0 }] }
      expectProblem(await post('/api/incidents', body), 400, 'beganAt')
    })

    it('with maintenance among other impacts that has no end', async () => {
      await refuse({
        affects: [
          { reference: component, type: impactType, severity: 50 },
          { reference: otherComponent, type: impactType, severity: 0 },
        ],
      }, 'endedAt')
    })

    it('with a phase of an unknown generation', async () => {
      await refuse({ phase: { generation: generation + 1000, order: 0 } }, 'phase.generation')
      await refuse({ phase: { generation: 0, order: 0 } }, 'phase.generation')
      await refuse({ phase: { generation: 2 ** 31, order: 0 } }, 'phase.generation')
    })

    it('with a phase order beyond the generation\'s list', async () => {
      await refuse({ phase: { generation, order: 3 } }, 'phase.order')
      await refuse({ phase: { generation, order: -1 } }, 'phase.order')
      await refuse({ phase: { generation, order: 2 ** 31 } }, 'phase.order')
    })

    it('with an unknown component in affects', async () => {
      await refuse({ affects: [{ reference: unknownId(), type: impactType, severity: 50 }] }, 'affects[0].reference')
      await refuse({
        affects: [
          { reference: component, type: impactType, severity: 50 },
          { reference: unknownId(), type: impactType, severity: 50 },
        ],
      }, 'affects[1].reference')
    })

    it('with an unknown impact type in affects', async () => {
      await refuse({ affects: [{ reference: component, type: unknownId(), severity: 50 }] }, 'affects[0].type')
      await refuse({
        affects: [
          { reference: component, type: impactType, severity: 50 },
          { reference: otherComponent, type: unknownId(), severity: 50 },
        ],
      }, 'affects[1].type')
    })

    it('with references that are not UUIDs', async () => {
      await refuse({ affects: [{ reference: 'web', type: impactType, severity: 50 }] }, 'affects[0].reference')
      await refuse({ affects: [{ reference: component, type: 'outage', severity: 50 }] }, 'affects[0].type')
    })

    it('with the same component and impact type twice', async () => {
      const reply = await post('/api/incidents', {
        displayName: refusedName,
        beganAt,
        affects: [
          { reference: component, type: impactType, severity: 50 },
          { reference: component, type: impactType, severity: 80 },
        ],
      })
      const problem = expectProblem(reply, 400)
      expect(problem.errors?.some((error: { field: string }) => error.field.startsWith('affects['))).toBe(true)
    })

    it('with a severity outside 0..100', async () => {
      await refuse({ affects: [{ reference: component, type: impactType, severity: 101 }] }, 'affects[0].severity')
      await refuse({ affects: [{ reference: component, type: impactType, severity: -1 }] }, 'affects[0].severity')
      await refuse({ affects: [{ reference: component, type: impactType, severity: 50.5 }] }, 'affects[0].severity')
    })

    it('with an incomplete impact', async () => {
      await refuse({ affects: [{ reference: component, severity: 50 }] }, 'affects[0].type')
    })

    it('and none of the refused incidents exists afterwards', async () => {
      const listed = await listIncidents(after(beganAt, -HOUR), after(beganAt, HOUR))
      expect(listed.filter(incident => incident.displayName === refusedName)).toEqual([])
    })
  })
})

describe('GET /incidents', () => {
  // The window is [start, end]; incidents are placed around it.
  const start = '2033-03-10T00:00:00.000Z'
  const end = '2033-03-20T00:00:00.000Z'
  const at = (days: number) => after(start, days * DAY)
  const spans = {
    before: [at(-10), at(-5)],
    after: [at(15), at(20)],
    ongoingAfter: [at(15), null],
    endsInside: [at(-5), at(5)],
    beginsInside: [at(5), at(15)],
    inside: [at(2), at(3)],
    covers: [at(-5), at(15)],
    ongoingSinceBefore: [at(-5), null],
    ongoingSinceInside: [at(5), null],
  } as const
  type Name = keyof typeof spans
  const ids = {} as Record<Name, string>
  /** The names of the incidents of this block among those listed, in the order listed. */
  const mine = (incidents: IncidentData[]) => {
    const names = new Map(Object.entries(ids).map(([name, id]) => [id, name as Name]))
    return incidents.flatMap(incident => names.get(incident.id) ?? [])
  }

  beforeAll(async () => {
    for (const [name, [beganAt, endedAt]] of Object.entries(spans)) {
      ids[name as Name] = await createIncident({ displayName: uniqueName(name), beganAt, endedAt })
    }
  })

  it('returns every incident that overlaps the window, ongoing ones included', async () => {
    expect(mine(await listIncidents(start, end)).sort())
      .toEqual(['beginsInside', 'covers', 'endsInside', 'inside', 'ongoingSinceBefore', 'ongoingSinceInside'])
  })

  it('lists by ascending beganAt', async () => {
    const listed = await listIncidents(start, end)
    const beganAts = listed.map(incident => Date.parse(incident.beganAt))
    expect(beganAts).toEqual([...beganAts].sort((a, b) => a - b))
    const names = mine(listed)
    // Three begin at day -5, one at day 2, two at day 5.
    expect(names.slice(0, 3).sort()).toEqual(['covers', 'endsInside', 'ongoingSinceBefore'])
    expect(names[3]).toBe('inside')
    expect(names.slice(4).sort()).toEqual(['beginsInside', 'ongoingSinceInside'])
  })

  it('returns the incidents in full', async () => {
    const listed = await listIncidents(start, end)
    const ongoing = listed.find(incident => incident.id === ids.ongoingSinceBefore)
    expect(ongoing).toEqual(await readIncident(ids.ongoingSinceBefore))
    expect(ongoing?.endedAt).toBeNull()
  })

  it('leaves out incidents entirely before or after the window', async () => {
    const listed = (await listIncidents(start, end)).map(incident => incident.id)
    expect(listed).not.toContain(ids.before)
    expect(listed).not.toContain(ids.after)
    expect(listed).not.toContain(ids.ongoingAfter)
  })

  it('finds what a narrow window or a single instant touches', async () => {
    expect(mine(await listIncidents(at(2.5), at(2.5))).sort()).toEqual(['covers', 'endsInside', 'inside', 'ongoingSinceBefore'])
    expect(mine(await listIncidents(at(-7), at(-6)))).toEqual(['before'])
    expect(mine(await listIncidents(at(30), at(31)))).toEqual(['ongoingSinceBefore', 'ongoingSinceInside', 'ongoingAfter'])
  })

  it('reads the window in any offset', async () => {
    const listed = await listIncidents('2033-03-10T02:00:00+02:00', '2033-03-19T19:00:00-05:00')
    expect(mine(listed)).toEqual(mine(await listIncidents(start, end)))
    expect(mine(listed)).toHaveLength(6)
  })

  it('takes the widest window the database keeps', async () => {
    const listed = await listIncidents('1000-01-01T00:00:00Z', '9999-12-31T23:59:59Z')
    expect(mine(listed)).toHaveLength(Object.keys(spans).length)
  })

  it('follows changes of the time span', async () => {
    const id = await createIncident({ beganAt: at(-10), endedAt: at(-5) })
    expect((await listIncidents(start, end)).map(incident => incident.id)).not.toContain(id)
    expectResponse(await patch(`/api/incidents/${id}`, { endedAt: null }), 'updateIncident', 204)
    expect((await listIncidents(start, end)).map(incident => incident.id)).toContain(id)
  })

  describe('refuses a bad window with 400', () => {
    it('without start or end', async () => {
      expectProblem(await get(`/api/incidents${query({ end })}`), 400, 'start')
      expectProblem(await get(`/api/incidents${query({ start })}`), 400, 'end')
      expectProblem(await get('/api/incidents'), 400, 'start')
    })

    it('with end before start', async () => {
      expectProblem(await get(`/api/incidents${query({ start: end, end: start })}`), 400, 'end')
    })

    it('with values that are not RFC 3339 instants', async () => {
      expectProblem(await get(`/api/incidents${query({ start: 'last week', end })}`), 400, 'start')
      expectProblem(await get(`/api/incidents${query({ start, end: '12345' })}`), 400, 'end')
      expectProblem(await get(`/api/incidents${query({ start: '2033-03-10', end })}`), 400, 'start')
      expectProblem(await get(`/api/incidents${query({ start: '2033-03-10T00:00:00', end })}`), 400, 'start')
      expectProblem(await get(`/api/incidents${query({ start: '', end })}`), 400, 'start')
    })

    it('with instants outside the years the database keeps', async () => {
      expectProblem(await get(`/api/incidents${query({ start: '0000-01-01T00:00:00Z', end })}`), 400, 'start')
      expectProblem(await get(`/api/incidents${query({ start, end: '9999-12-31T23:00:00-12:00' })}`), 400, 'end')
    })
  })
})

describe('PATCH /incidents/{id}', () => {
  let full: Omit<IncidentData, 'id' | 'updates'>
  let id: string

  beforeAll(async () => {
    full = {
      displayName: uniqueName('Patched'),
      description: 'Before the patch.',
      beganAt: '2034-01-01T10:00:00.000Z',
      endedAt: '2034-01-01T12:00:00.000Z',
      phase: { generation, order: 1 },
      affects: [{ reference: component, type: impactType, severity: 40 }],
    }
  })

  const fresh = async () => {
    id = await createIncident(full)
    return readIncident(id)
  }

  const patchIncident = async (body: Record<string, unknown>) =>
    expectResponse(await patch(`/api/incidents/${id}`, body), 'updateIncident', 204)

  it('changes only the fields it names', async () => {
    const before = await fresh()
    await patchIncident({ displayName: 'Renamed' })
    expect(await readIncident(id)).toEqual({ ...before, displayName: 'Renamed' })
    await patchIncident({ description: 'After the patch.' })
    expect(await readIncident(id)).toEqual({ ...before, displayName: 'Renamed', description: 'After the patch.' })
    await patchIncident({ phase: { generation, order: 2 } })
    expect(await readIncident(id)).toEqual({ ...before, displayName: 'Renamed', description: 'After the patch.', phase: { generation, order: 2 } })
  })

  it('changes nothing with an empty body', async () => {
    const before = await fresh()
    await patchIncident({})
    expect(await readIncident(id)).toEqual(before)
  })

  it('moves the time span', async () => {
    const before = await fresh()
    await patchIncident({ beganAt: '2034-01-01T09:00:00.000Z' })
    expect(await readIncident(id)).toEqual({ ...before, beganAt: '2034-01-01T09:00:00.000Z' })
    await patchIncident({ endedAt: '2034-01-01T13:00:00.000Z' })
    expect(await readIncident(id)).toEqual({ ...before, beganAt: '2034-01-01T09:00:00.000Z', endedAt: '2034-01-01T13:00:00.000Z' })
  })

  it('reopens an incident with endedAt null', async () => {
    const before = await fresh()
    await patchIncident({ endedAt: null })
    expect(await readIncident(id)).toEqual({ ...before, endedAt: null })
  })

  it('keeps the updates', async () => {
    await fresh()
    await createIncidentUpdate(id)
    await createIncidentUpdate(id)
    await patchIncident({ displayName: 'With updates', affects: [] })
    expect((await readIncident(id)).updates).toEqual([0, 1])
  })

  it('replaces the impacts with affects', async () => {
    const before = await fresh()
    const affects = [
      { reference: otherComponent, type: impactType, severity: 90 },
      { reference: otherComponent, type: otherImpactType, severity: 10 },
    ]
    await patchIncident({ affects })
    const incident = await readIncident(id)
    expect(incident).toEqual({ ...before, affects: expect.any(Array) })
    expect(incident.affects).toHaveLength(2)
    expect(incident.affects).toEqual(expect.arrayContaining(affects))
  })

  it('changes the severity of an impact', async () => {
    const before = await fresh()
    await patchIncident({ affects: [{ reference: component, type: impactType, severity: 95 }] })
    expect(await readIncident(id)).toEqual({ ...before, affects: [{ reference: component, type: impactType, severity: 95 }] })
  })

  it('removes every impact with affects []', async () => {
    const before = await fresh()
    await patchIncident({ affects: [] })
    expect(await readIncident(id)).toEqual({ ...before, affects: [] })
  })

  it('keeps the impacts when affects is omitted', async () => {
    const before = await fresh()
    await patchIncident({ endedAt: '2034-01-01T11:00:00.000Z' })
    expect((await readIncident(id)).affects).toEqual(before.affects)
  })

  it('turns an open incident into maintenance when it also gets an end', async () => {
    id = await createIncident({ beganAt: fromNow(DAY), affects: [{ reference: component, type: impactType, severity: 30 }] })
    const endedAt = fromNow(DAY + HOUR)
    await patchIncident({ endedAt, affects: [{ reference: component, type: impactType, severity: 0 }] })
    const incident = await readIncident(id)
    expect(Date.parse(incident.endedAt!)).toBe(Date.parse(endedAt))
    expect(incident.affects).toEqual([{ reference: component, type: impactType, severity: 0 }])
  })

  it('answers 404 for an unknown incident and 400 for a malformed id', async () => {
    expectProblem(await patch(`/api/incidents/${unknownId()}`, { displayName: 'Nobody' }), 404)
    expectProblem(await patch('/api/incidents/42', { displayName: 'Nobody' }), 400, 'incidentId')
  })

  describe('refused, changes nothing', () => {
    const refuse = async (body: Record<string, unknown>, field: string) => {
      const before = await readIncident(id)
      expectProblem(await patch(`/api/incidents/${id}`, body), 400, field)
      expect(await readIncident(id)).toEqual(before)
    }

    it('with an unknown component in affects next to a valid displayName', async () => {
      await fresh()
      await refuse({ displayName: 'Not taken', affects: [{ reference: unknownId(), type: impactType, severity: 50 }] }, 'affects[0].reference')
      await refuse({
        displayName: 'Not taken',
        affects: [
          { reference: otherComponent, type: impactType, severity: 50 },
          { reference: component, type: unknownId(), severity: 50 },
        ],
      }, 'affects[1].type')
    })

    it('with the same component and impact type twice', async () => {
      await fresh()
      const before = await readIncident(id)
      const reply = await patch(`/api/incidents/${id}`, {
        description: 'Not taken',
        affects: [
          { reference: otherComponent, type: impactType, severity: 50 },
          { reference: otherComponent, type: impactType, severity: 60 },
        ],
      })
      expectProblem(reply, 400)
      expect(await readIncident(id)).toEqual(before)
    })

    it('with endedAt before beganAt, given or stored', async () => {
      await fresh()
      await refuse({ displayName: 'Not taken', endedAt: '2034-01-01T09:00:00.000Z' }, 'endedAt')
      await refuse({ displayName: 'Not taken', beganAt: '2034-01-01T13:00:00.000Z' }, 'endedAt')
    })

    it('with maintenance on an open incident', async () => {
      id = await createIncident({ displayName: uniqueName('Open'), beganAt: fromNow(-HOUR) })
      await refuse({ displayName: 'Not taken', affects: [{ reference: component, type: impactType, severity: 0 }] }, 'endedAt')
    })

    it('when reopening maintenance', async () => {
      id = await createIncident({
        beganAt: fromNow(DAY),
        endedAt: fromNow(2 * DAY),
        affects: [{ reference: component, type: impactType, severity: 0 }],
      })
      await refuse({ displayName: 'Not taken', endedAt: null }, 'endedAt')
    })

    it('with an unknown phase', async () => {
      await fresh()
      await refuse({ displayName: 'Not taken', phase: { generation: generation + 1000, order: 0 } }, 'phase.generation')
      await refuse({ displayName: 'Not taken', phase: { generation, order: 9 } }, 'phase.order')
    })

    it('with a blank displayName or a severity outside 0..100', async () => {
      await fresh()
      await refuse({ displayName: '' }, 'displayName')
      await refuse({ description: 'Not taken', affects: [{ reference: component, type: impactType, severity: 101 }] }, 'affects[0].severity')
    })
  })
})

describe('DELETE /incidents/{id}', () => {
  it('deletes the incident with its updates and impacts', async () => {
    const doomedComponent = await createComponent()
    const id = await createIncident({ beganAt: fromNow(-HOUR), affects: [{ reference: doomedComponent, type: impactType, severity: 50 }] })
    await createIncidentUpdate(id)
    expect(await activelyAffectedBy(doomedComponent)).toEqual([{ reference: id, type: impactType, severity: 50 }])

    expectResponse(await del(`/api/incidents/${id}`), 'deleteIncident', 204)

    expectProblem(await get(`/api/incidents/${id}`), 404)
    expectProblem(await get(`/api/incidents/${id}/updates`), 404)
    expectProblem(await get(`/api/incidents/${id}/updates/0`), 404)
    expect(await activelyAffectedBy(doomedComponent)).toEqual([])
    expect((await listIncidents(fromNow(-2 * HOUR), fromNow(HOUR))).map(incident => incident.id)).not.toContain(id)
  })

  it('answers 404 for an unknown or already deleted incident', async () => {
    const id = await createIncident()
    expectResponse(await del(`/api/incidents/${id}`), 'deleteIncident', 204)
    expectProblem(await del(`/api/incidents/${id}`), 404)
    expectProblem(await del('/api/incidents/not-an-id'), 400, 'incidentId')
  })

  it('leaves other incidents alone', async () => {
    const kept = await createIncident({ affects: [{ reference: component, type: otherImpactType, severity: 25 }] })
    const before = await readIncident(kept)
    const doomed = await createIncident({ affects: [{ reference: component, type: otherImpactType, severity: 25 }] })
    expectResponse(await del(`/api/incidents/${doomed}`), 'deleteIncident', 204)
    expect(await readIncident(kept)).toEqual(before)
  })
})

describe('deleting a component', () => {
  it('removes its impacts from the incidents', async () => {
    const doomed = await createComponent()
    const id = await createIncident({
      affects: [
        { reference: doomed, type: impactType, severity: 50 },
        { reference: component, type: impactType, severity: 50 },
      ],
    })
    expectResponse(await del(`/api/components/${doomed}`), 'deleteComponent', 204)
    expect((await readIncident(id)).affects).toEqual([{ reference: component, type: impactType, severity: 50 }])
  })
})

describe('GET /incidents/{id}', () => {
  it('answers 404 for an unknown incident and 400 for a malformed id', async () => {
    expectProblem(await get(`/api/incidents/${unknownId()}`), 404)
    expectProblem(await get('/api/incidents/123e4567'), 400, 'incidentId')
  })
})
