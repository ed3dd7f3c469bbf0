import { describe, expect, it } from 'vitest'
import { del, expectProblem, expectResponse, get, patch, post } from './client'
import { createComponent, createImpactType, createIncident, fromNow, HOUR, uniqueName, unknownId } from './fixtures'
import { expectUnknownField } from './problems'

const readImpactType = async (id: string) =>
  expectResponse(await get(`/api/impacttypes/${id}`), 'getImpactType', 200).data

const listImpactTypes = async () =>
  expectResponse(await get('/api/impacttypes'), 'getImpactTypes', 200).data as { id: string }[]

const listedIds = async () => (await listImpactTypes()).map(type => type.id).sort()

const readIncident = async (id: string) => expectResponse(await get(`/api/incidents/${id}`), 'getIncident', 200).data

describe('impact types', () => {
  it('creates an impact type and answers 201 with its id', async () => {
    const reply = await post('/api/impacttypes', { displayName: uniqueName('Performance'), description: 'Slower than usual.' })
    const { id } = expectResponse(reply, 'createImpactType', 201)
    expect(reply.body).toEqual({ id })
  })

  it('reads an impact type back, by id and in the list', async () => {
    const displayName = uniqueName('Connectivity')
    const description = 'Some requests do not reach the service.\nRetries help.'
    const id = await createImpactType({ displayName, description })
    const expected = { id, displayName, description }
    expect(await readImpactType(id)).toEqual(expected)
    expect((await listImpactTypes()).filter(type => type.id === id)).toEqual([expected])
  })

  it('omits the description when there is none (no null)', async () => {
    const displayName = uniqueName('Terse')
    const id = await createImpactType({ displayName })
    const data = await readImpactType(id)
    expect(data).toEqual({ id, displayName })
    expect(data).not.toHaveProperty('description')
    expect((await listImpactTypes()).find(type => type.id === id)).not.toHaveProperty('description')
  })

  it('patches only the fields given', async () => {
    const id = await createImpactType({ description: 'first' })
    const original = await readImpactType(id)

    expectResponse(await patch(`/api/impacttypes/${id}`, { description: 'second' }), 'updateImpactType', 204)
    expect(await readImpactType(id)).toEqual({ ...original, description: 'second' })

    const displayName = uniqueName('Renamed')
    expectResponse(await patch(`/api/impacttypes/${id}`, { displayName }), 'updateImpactType', 204)
    expect(await readImpactType(id)).toEqual({ id, displayName, description: 'second' })

    expectResponse(await patch(`/api/impacttypes/${id}`, {}), 'updateImpactType', 204)
    expect(await readImpactType(id)).toEqual({ id, displayName, description: 'second' })
  })

  it('adds a description to an impact type that had none', async () => {
    const id = await createImpactType()
    expectResponse(await patch(`/api/impacttypes/${id}`, { description: 'now described' }), 'updateImpactType', 204)
    expect((await readImpactType(id)).description).toBe('now described')
  })

  it('accepts a GET body echoed back as a PATCH, id included', async () => {
    const id = await createImpactType({ description: 'echo me' })
    const edited = { ...(await readImpactType(id)), displayName: uniqueName('Echoed') }
    expectResponse(await patch(`/api/impacttypes/${id}`, edited), 'updateImpactType', 204)
    expect(await readImpactType(id)).toEqual(edited)
  })

  it('deletes an impact type: 204, then 404 for it', async () => {
    const id = await createImpactType()
    const reply = await del(`/api/impacttypes/${id}`)
    expectResponse(reply, 'deleteImpactType', 204)
    expect(reply.body).toBe('')
    expectProblem(await get(`/api/impacttypes/${id}`), 404)
    expectProblem(await del(`/api/impacttypes/${id}`), 404)
    expect(await listedIds()).not.toContain(id)
  })

  it('refuses to delete an impact type that an impact uses (409) and deletes nothing', async () => {
    const component = await createComponent()
    const type = await createImpactType({ description: 'in use' })
    const affects = [{ reference: component, type, severity: 40 }]
    const incident = await createIncident({ beganAt: fromNow(-HOUR), affects })
    const typeBefore = await readImpactType(type)
    const incidentBefore = await readIncident(incident)

    expectProblem(await del(`/api/impacttypes/${type}`), 409)
    expect(await readImpactType(type)).toEqual(typeBefore)
    expect(await readIncident(incident)).toEqual(incidentBefore)
    expect(incidentBefore.affects).toEqual(affects)

    // Once no impact uses it any more, it can go.
    expectResponse(await patch(`/api/incidents/${incident}`, { affects: [] }), 'updateIncident', 204)
    expectResponse(await del(`/api/impacttypes/${type}`), 'deleteImpactType', 204)
    expectProblem(await get(`/api/impacttypes/${type}`), 404)
  })

  it('refuses to delete an impact type that an ended incident still uses', async () => {
    const component = await createComponent()
    const type = await createImpactType()
    await createIncident({ beganAt: fromNow(-2 * HOUR), endedAt: fromNow(-HOUR), affects: [{ reference: component, type, severity: 0 }] })
    expectProblem(await del(`/api/impacttypes/${type}`), 409)
    await readImpactType(type)
  })

  describe('refuses an invalid body with 400 naming the field, and creates nothing', () => {
    const cases: [string, unknown, string][] = [
      ['a missing displayName', { description: 'no name' }, 'displayName'],
      ['an empty displayName', { displayName: '' }, 'displayName'],
      ['a number as displayName', { displayName: 7 }, 'displayName'],
      ['a number as description', { displayName: 'x', description: 7 }, 'description'],
      ['null as description', { displayName: 'x', description: null }, 'description'],
      ['a list as body', [], 'body'],
    ]

    it.each(cases)('%s', async (_, body, field) => {
      const before = await listedIds()
      expectProblem(await post('/api/impacttypes', body), 400, field)
      expect(await listedIds()).toEqual(before)
    })

    it('an empty body', async () => {
      const before = await listedIds()
      expectProblem(await post('/api/impacttypes', undefined, { raw: '', headers: { 'content-type': 'application/json' } }), 400, 'body')
      expect(await listedIds()).toEqual(before)
    })

    it('an unknown field, named in the error', async () => {
      const before = await listedIds()
      expectUnknownField(await post('/api/impacttypes', { displayName: 'x', severity: 50 }), 'severity')
      expect(await listedIds()).toEqual(before)
    })

    it('an invalid PATCH, which leaves the impact type as it was', async () => {
      const id = await createImpactType({ description: 'unchanged' })
      const before = await readImpactType(id)
      expectProblem(await patch(`/api/impacttypes/${id}`, { displayName: '' }), 400, 'displayName')
      expectProblem(await patch(`/api/impacttypes/${id}`, { displayName: uniqueName('x'), description: 3 }), 400, 'description')
      expect(await readImpactType(id)).toEqual(before)
    })
  })

  describe('ids in the path', () => {
    it('answers 400 for a malformed id', async () => {
      expectProblem(await get('/api/impacttypes/performance'), 400, 'impactTypeId')
      expectProblem(await patch('/api/impacttypes/performance', { displayName: 'x' }), 400, 'impactTypeId')
      expectProblem(await del('/api/impacttypes/performance'), 400, 'impactTypeId')
    })

    it('answers 404 for an unknown id, and creates nothing', async () => {
      const id = unknownId()
      const before = await listedIds()
      expectProblem(await get(`/api/impacttypes/${id}`), 404)
      expectProblem(await patch(`/api/impacttypes/${id}`, { displayName: 'x' }), 404)
      expectProblem(await patch(`/api/impacttypes/${id}`, {}), 404)
      expectProblem(await del(`/api/impacttypes/${id}`), 404)
      expect(await listedIds()).toEqual(before)
    })
  })
})
