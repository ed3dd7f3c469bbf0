import { describe, expect, it } from 'vitest'
import type { IncidentUpdateData } from '../../openapi/schemas'
import { del, expectProblem, expectResponse, get, patch, post } from './client'
import { createIncident, createIncidentUpdate, HOUR, unknownId } from './fixtures'

// RFC 3339 as the API writes it: a date, a time and an offset.
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

async function listUpdates(incidentId: string): Promise<IncidentUpdateData[]> {
  return expectResponse(await get(`/api/incidents/${incidentId}/updates`), 'getIncidentUpdates', 200).data
}

async function readUpdate(incidentId: string, order: number): Promise<IncidentUpdateData> {
  return expectResponse(await get(`/api/incidents/${incidentId}/updates/${order}`), 'getIncidentUpdate', 200).data
}

async function updateOrdersOf(incidentId: string): Promise<number[]> {
  return expectResponse(await get(`/api/incidents/${incidentId}`), 'getIncident', 200).data.updates
}

describe('POST /incidents/{id}/updates', () => {
  it('numbers the updates of an incident 0, 1, 2, …', async () => {
    const incident = await createIncident()
    for (const expected of [0, 1, 2]) {
      const reply = await post(`/api/incidents/${incident}/updates`, { displayName: `Update ${expected}` })
      expect(expectResponse(reply, 'createIncidentUpdate', 201)).toEqual({ order: expected })
    }
    expect(await updateOrdersOf(incident)).toEqual([0, 1, 2])
  })

  it('starts at 0 for every incident', async () => {
    const first = await createIncident()
    const second = await createIncident()
    expect(await createIncidentUpdate(first)).toBe(0)
    expect(await createIncidentUpdate(first)).toBe(1)
    expect(await createIncidentUpdate(second)).toBe(0)
    expect(await createIncidentUpdate(first)).toBe(2)
    expect(await updateOrdersOf(second)).toEqual([0])
  })

  it('stores every field', async () => {
    const incident = await createIncident()
    const order = await createIncidentUpdate(incident, {
      displayName: 'Fix deployed',
      description: 'The storage nodes were restarted.',
      createdAt: '2030-06-01T12:30:00.000Z',
    })
    expect(await readUpdate(incident, order)).toEqual({
      order,
      displayName: 'Fix deployed',
      description: 'The storage nodes were restarted.',
      createdAt: '2030-06-01T12:30:00.000Z',
    })
  })

  it('sets createdAt to now when omitted and leaves out an absent description', async () => {
    const incident = await createIncident()
    const before = Date.now()
    const order = await createIncidentUpdate(incident, { displayName: 'Investigating' })
    const afterCreation = Date.now()
    const update = await readUpdate(incident, order)
    expect(update).toEqual({ order, displayName: 'Investigating', createdAt: expect.stringMatching(RFC_3339) })
    expect(update).not.toHaveProperty('description')
    expect(Date.parse(update.createdAt)).toBeGreaterThanOrEqual(before - 1000)
    expect(Date.parse(update.createdAt)).toBeLessThanOrEqual(afterCreation + 1000)
  })

  it('reads createdAt in any offset', async () => {
    const incident = await createIncident()
    const order = await createIncidentUpdate(incident, { createdAt: '2030-06-01T14:30:00+02:00' })
    const { createdAt } = await readUpdate(incident, order)
    expect(createdAt).toMatch(RFC_3339)
    expect(Date.parse(createdAt)).toBe(Date.parse('2030-06-01T12:30:00Z'))
  })

  it('ignores a read-only order the client echoes back', async () => {
    const incident = await createIncident()
    const reply = await post(`/api/incidents/${incident}/updates`, { order: 7, displayName: 'Echo' })
    expect(expectResponse(reply, 'createIncidentUpdate', 201)).toEqual({ order: 0 })
    expectProblem(await get(`/api/incidents/${incident}/updates/7`), 404)
  })

  it('refuses a bad update with 400 and does not use up an order', async () => {
    const incident = await createIncident()
    await createIncidentUpdate(incident)
    expectProblem(await post(`/api/incidents/${incident}/updates`, {}), 400, 'displayName')
    expectProblem(await post(`/api/incidents/${incident}/updates`, { displayName: ' ' }), 400, 'displayName')
    expectProblem(await post(`/api/incidents/${incident}/updates`, { displayName: 'Late', createdAt: 'now' }), 400, 'createdAt')
    expectProblem(await post(`/api/incidents/${incident}/updates`, { displayName: 'Late', createdAt: '2030-06-01T12:30:00' }), 400, 'createdAt')
    // Instants the database cannot keep are refused, not a server error.
    expectProblem(await post(`/api/incidents/${incident}/updates`, { displayName: 'Late', createdAt: '0000-01-01T00:00:00Z' }), 400, 'createdAt')
    expectProblem(await post(`/api/incidents/${incident}/updates`, { displayName: 'Late', createdAt: '9999-12-31T23:00:00-12:00' }), 400, 'createdAt')
    expect(await listUpdates(incident)).toHaveLength(1)
    expect(await createIncidentUpdate(incident)).toBe(1)
  })

  it('answers 404 for an unknown incident and 400 for a malformed id', async () => {
    expectProblem(await post(`/api/incidents/${unknownId()}/updates`, { displayName: 'Nowhere' }), 404)
    expectProblem(await post('/api/incidents/nowhere/updates', { displayName: 'Nowhere' }), 400, 'incidentId')
  })
})

describe('GET /incidents/{id}/updates', () => {
  it('lists the updates in ascending order', async () => {
    const incident = await createIncident()
    // Given createdAt in descending order, so that the order, not the time, decides.
    const times = ['2030-01-03T00:00:00.000Z', '2030-01-02T00:00:00.000Z', '2030-01-01T00:00:00.000Z']
    for (const [i, createdAt] of times.entries()) await createIncidentUpdate(incident, { displayName: `Step ${i}`, createdAt })
    expect(await listUpdates(incident)).toEqual(times.map((createdAt, order) => ({ order, displayName: `Step ${order}`, createdAt })))
  })

  it('lists only the incident\'s own updates, and nothing for a new incident', async () => {
    const incident = await createIncident()
    const other = await createIncident()
    await createIncidentUpdate(other, { displayName: 'Elsewhere' })
    expect(await listUpdates(incident)).toEqual([])
    expect((await listUpdates(other)).map(update => update.displayName)).toEqual(['Elsewhere'])
  })

  it('answers 404 for an unknown incident and 400 for a malformed id', async () => {
    expectProblem(await get(`/api/incidents/${unknownId()}/updates`), 404)
    expectProblem(await get('/api/incidents/x/updates'), 400, 'incidentId')
  })
})

describe('one update by its order', () => {
  it('reads it with GET', async () => {
    const incident = await createIncident()
    await createIncidentUpdate(incident, { displayName: 'First' })
    await createIncidentUpdate(incident, { displayName: 'Second', description: 'More detail.' })
    expect(await readUpdate(incident, 1)).toEqual({ order: 1, displayName: 'Second', description: 'More detail.', createdAt: expect.stringMatching(RFC_3339) })
    expect((await readUpdate(incident, 0)).displayName).toBe('First')
  })

  it('changes only the fields a PATCH names', async () => {
    const incident = await createIncident()
    const order = await createIncidentUpdate(incident, { displayName: 'Draft', description: 'Text.', createdAt: '2030-02-01T00:00:00.000Z' })
    const change = async (body: Record<string, unknown>) =>
      expectResponse(await patch(`/api/incidents/${incident}/updates/${order}`, body), 'updateIncidentUpdate', 204)

    await change({ displayName: 'Final' })
    expect(await readUpdate(incident, order)).toEqual({ order, displayName: 'Final', description: 'Text.', createdAt: '2030-02-01T00:00:00.000Z' })
    await change({ description: 'Better text.' })
    expect(await readUpdate(incident, order)).toEqual({ order, displayName: 'Final', description: 'Better text.', createdAt: '2030-02-01T00:00:00.000Z' })
    await change({ createdAt: '2030-02-02T00:00:00.000Z' })
    expect(await readUpdate(incident, order)).toEqual({ order, displayName: 'Final', description: 'Better text.', createdAt: '2030-02-02T00:00:00.000Z' })
    await change({})
    expect(await readUpdate(incident, order)).toEqual({ order, displayName: 'Final', description: 'Better text.', createdAt: '2030-02-02T00:00:00.000Z' })
  })

  it('changes only the update the PATCH names', async () => {
    const incident = await createIncident()
    await createIncidentUpdate(incident, { displayName: 'Zero' })
    await createIncidentUpdate(incident, { displayName: 'One' })
    expectResponse(await patch(`/api/incidents/${incident}/updates/1`, { displayName: 'Uno' }), 'updateIncidentUpdate', 204)
    expect((await listUpdates(incident)).map(update => update.displayName)).toEqual(['Zero', 'Uno'])
  })

  it('refuses a bad PATCH with 400 and changes nothing', async () => {
    const incident = await createIncident()
    const order = await createIncidentUpdate(incident, { displayName: 'Kept', description: 'Kept too.' })
    const before = await readUpdate(incident, order)
    expectProblem(await patch(`/api/incidents/${incident}/updates/${order}`, { displayName: '', description: 'Not taken' }), 400, 'displayName')
    expectProblem(await patch(`/api/incidents/${incident}/updates/${order}`, { description: 'Not taken', createdAt: 'soon' }), 400, 'createdAt')
    expect(await readUpdate(incident, order)).toEqual(before)
  })

  it('deletes it with DELETE, and never gives its order again', async () => {
    const incident = await createIncident()
    for (let i = 0; i < 3; i++) await createIncidentUpdate(incident, { displayName: `Update ${i}` })

    expectResponse(await del(`/api/incidents/${incident}/updates/1`), 'deleteIncidentUpdate', 204)
    expectProblem(await get(`/api/incidents/${incident}/updates/1`), 404)
    expect((await listUpdates(incident)).map(update => [update.order, update.displayName])).toEqual([[0, 'Update 0'], [2, 'Update 2']])
    expect(await updateOrdersOf(incident)).toEqual([0, 2])
    expect(await createIncidentUpdate(incident)).toBe(3)

    // Not even the highest order comes back.
    expectResponse(await del(`/api/incidents/${incident}/updates/3`), 'deleteIncidentUpdate', 204)
    expect(await createIncidentUpdate(incident)).toBe(4)
    expect(await updateOrdersOf(incident)).toEqual([0, 2, 4])

    expectProblem(await del(`/api/incidents/${incident}/updates/1`), 404)
  })

  it('answers 404 for an unknown order', async () => {
    const incident = await createIncident()
    await createIncidentUpdate(incident)
    expectProblem(await get(`/api/incidents/${incident}/updates/1`), 404)
    expectProblem(await patch(`/api/incidents/${incident}/updates/1`, { displayName: 'Nothing' }), 404)
    expectProblem(await del(`/api/incidents/${incident}/updates/1`), 404)
    expect(await listUpdates(incident)).toHaveLength(1)
  })

  it('answers 404 for an unknown incident', async () => {
    const incident = unknownId()
    expectProblem(await get(`/api/incidents/${incident}/updates/0`), 404)
    expectProblem(await patch(`/api/incidents/${incident}/updates/0`, { displayName: 'Nothing' }), 404)
    expectProblem(await del(`/api/incidents/${incident}/updates/0`), 404)
  })

  it('does not find an update through another incident', async () => {
    const owner = await createIncident()
    const other = await createIncident()
    await createIncidentUpdate(owner)
    await createIncidentUpdate(owner)
    await createIncidentUpdate(other)
    expectProblem(await get(`/api/incidents/${other}/updates/1`), 404)
    expectProblem(await del(`/api/incidents/${other}/updates/1`), 404)
    expect(await updateOrdersOf(owner)).toEqual([0, 1])
  })

  it('answers 400 for an order that is not a non-negative integer', async () => {
    const incident = await createIncident()
    await createIncidentUpdate(incident)
    for (const order of ['-1', 'abc', '1.5', '1e1', '0x1']) {
      expectProblem(await get(`/api/incidents/${incident}/updates/${order}`), 400, 'updateOrder')
      expectProblem(await patch(`/api/incidents/${incident}/updates/${order}`, { displayName: 'Nothing' }), 400, 'updateOrder')
      expectProblem(await del(`/api/incidents/${incident}/updates/${order}`), 400, 'updateOrder')
    }
    expect(await listUpdates(incident)).toHaveLength(1)
  })

  it('answers 400, never 5xx, for an order too large to exist', async () => {
    const incident = await createIncident()
    for (const order of ['2147483648', '99999999999']) {
      expectProblem(await get(`/api/incidents/${incident}/updates/${order}`), 400, 'updateOrder')
      expectProblem(await patch(`/api/incidents/${incident}/updates/${order}`, { displayName: 'Nothing' }), 400, 'updateOrder')
      expectProblem(await del(`/api/incidents/${incident}/updates/${order}`), 400, 'updateOrder')
    }
  })
})

describe('an incident\'s updates', () => {
  it('go with it when the incident is deleted', async () => {
    const incident = await createIncident({ beganAt: new Date(Date.now() - HOUR).toISOString() })
    await createIncidentUpdate(incident)
    expectResponse(await del(`/api/incidents/${incident}`), 'deleteIncident', 204)
    expectProblem(await get(`/api/incidents/${incident}/updates`), 404)
    expectProblem(await get(`/api/incidents/${incident}/updates/0`), 404)
    expectProblem(await post(`/api/incidents/${incident}/updates`, { displayName: 'Too late' }), 404)
  })
})
