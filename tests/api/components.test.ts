import { describe, expect, it } from 'vitest'
import { del, expectProblem, expectResponse, get, patch, post } from './client'
import { createComponent, createImpactType, createIncident, DAY, fromNow, HOUR, query, uniqueName, unknownId } from './fixtures'
import { expectUnknownField } from './problems'

const atQuery = (at?: string) => (at === undefined ? '' : query({ at }))

const readComponent = async (id: string, at?: string) =>
  expectResponse(await get(`/api/components/${id}${atQuery(at)}`), 'getComponent', 200).data

const listComponents = async (at?: string) =>
  expectResponse(await get(`/api/components${atQuery(at)}`), 'getComponents', 200).data as { id: string }[]

const listedIds = async () => (await listComponents()).map(component => component.id).sort()

/** A component affected by an incident (with its own impact type) that spans `beganAt`..`endedAt`. */
async function affectedComponent(beganAt: string, endedAt: string | null, severity = 50) {
  const component = await createComponent()
  const type = await createImpactType()
  const incident = await createIncident({ beganAt, endedAt, affects: [{ reference: component, type, severity }] })
  return { component, type, incident, impact: { reference: incident, type, severity } }
}

describe('components', () => {
  it('creates a component and answers 201 with its id', async () => {
    const reply = await post('/api/components', { displayName: uniqueName('Component') })
    const { id } = expectResponse(reply, 'createComponent', 201)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(reply.body).toEqual({ id })
  })

  it('reads a component back, by id and in the list', async () => {
    const displayName = uniqueName('Compute')
    const labels = { 'region': 'de-1', 'availability zone': 'az 2' }
    const id = await createComponent({ displayName, labels })
    const expected = { id, displayName, labels, activelyAffectedBy: [] }
    expect(await readComponent(id)).toEqual(expected)
    expect((await listComponents()).filter(component => component.id === id)).toEqual([expected])
  })

  it('gives a component without labels an empty label set', async () => {
    const { id } = expectResponse(await post('/api/components', { displayName: uniqueName('Plain') }), 'createComponent', 201)
    expect((await readComponent(id)).labels).toEqual({})
  })

  it('patches only the fields given, and replaces the labels as a whole', async () => {
    const id = await createComponent({ labels: { region: 'de-1', tier: 'gold' } })
    const original = await readComponent(id)

    const displayName = uniqueName('Renamed')
    expectResponse(await patch(`/api/components/${id}`, { displayName }), 'updateComponent', 204)
    expect(await readComponent(id)).toEqual({ ...original, displayName })

    expectResponse(await patch(`/api/components/${id}`, { labels: { region: 'de-2' } }), 'updateComponent', 204)
    expect(await readComponent(id)).toEqual({ ...original, displayName, labels: { region: 'de-2' } })

    expectResponse(await patch(`/api/components/${id}`, { labels: {} }), 'updateComponent', 204)
    expect((await readComponent(id)).labels).toEqual({})
  })

  it('accepts an empty PATCH and changes nothing', async () => {
    const id = await createComponent()
    const before = await readComponent(id)
    expectResponse(await patch(`/api/components/${id}`, {}), 'updateComponent', 204)
    expect(await readComponent(id)).toEqual(before)
  })

  it('accepts a GET body echoed back as a PATCH, id and activelyAffectedBy included', async () => {
    const { component, impact } = await affectedComponent(fromNow(-HOUR), null)
    const data = await readComponent(component)
    expect(data.activelyAffectedBy).toEqual([impact])

    const edited = { ...data, displayName: uniqueName('Echoed'), labels: { ...data.labels, echoed: 'yes' } }
    expectResponse(await patch(`/api/components/${component}`, edited), 'updateComponent', 204)
    expect(await readComponent(component)).toEqual(edited)
  })

  it('ignores an id in a PATCH body: the path says which component changes', async () => {
    const target = await createComponent()
    const other = await createComponent()
    const otherBefore = await readComponent(other)
    const displayName = uniqueName('Target')
    expectResponse(await patch(`/api/components/${target}`, { id: other, displayName }), 'updateComponent', 204)
    expect(await readComponent(target)).toMatchObject({ id: target, displayName })
    expect(await readComponent(other)).toEqual(otherBefore)
  })

  it('deletes a component: 204, then 404 for it', async () => {
    const id = await createComponent()
    const reply = await del(`/api/components/${id}`)
    expectResponse(reply, 'deleteComponent', 204)
    expect(reply.body).toBe('')
    expectProblem(await get(`/api/components/${id}`), 404)
    expectProblem(await del(`/api/components/${id}`), 404)
    expect(await listedIds()).not.toContain(id)
  })

  it('removes the impacts on a deleted component from its incidents', async () => {
    const { component, incident } = await affectedComponent(fromNow(-HOUR), null)
    const kept = await createComponent()
    const type = await createImpactType()
    const { data: before } = expectResponse(await get(`/api/incidents/${incident}`), 'getIncident', 200)
    const affects = [...before.affects, { reference: kept, type, severity: 20 }]
    expectResponse(await patch(`/api/incidents/${incident}`, { affects }), 'updateIncident', 204)

    expectResponse(await del(`/api/components/${component}`), 'deleteComponent', 204)
    const { data: after } = expectResponse(await get(`/api/incidents/${incident}`), 'getIncident', 200)
    expect(after.affects).toEqual([{ reference: kept, type, severity: 20 }])
  })

  describe('?at=', () => {
    // An incident from two days ago until one day ago.
    const beganAt = fromNow(-2 * DAY)
    const endedAt = fromNow(-DAY)
    const during = fromNow(-1.5 * DAY)

    it('lists the impacts of incidents active at that time, by id and in the list', async () => {
      const { component, impact } = await affectedComponent(beganAt, endedAt, 70)
      expect((await readComponent(component, during)).activelyAffectedBy).toEqual([impact])
      expect((await readComponent(component, beganAt)).activelyAffectedBy).toEqual([impact])
      expect((await readComponent(component)).activelyAffectedBy).toEqual([])
      expect((await readComponent(component, fromNow(-3 * DAY))).activelyAffectedBy).toEqual([])

      const listed = async (at?: string) => (await listComponents(at)).find(c => c.id === component)
      expect(await listed(during)).toMatchObject({ activelyAffectedBy: [impact] })
      expect(await listed()).toMatchObject({ activelyAffectedBy: [] })
    })

    it('takes a time with an offset other than Z', async () => {
      const { component, impact } = await affectedComponent(beganAt, endedAt)
      // The same instant as `during`, written in UTC+02:00.
      const local = new Date(Date.parse(during) + 2 * HOUR).toISOString().replace('Z', '+02:00')
      expect((await readComponent(component, local)).activelyAffectedBy).toEqual([impact])
    })

    it.each(['yesterday', '2024-13-01T00:00:00Z', '2024-01-01', '2024-01-01T10:00:00', ''])('rejects at=%j with 400', async (at) => {
      const id = await createComponent()
      expectProblem(await get(`/api/components/${id}${query({ at })}`), 400, 'at')
      expectProblem(await get(`/api/components${query({ at })}`), 400, 'at')
    })
  })

  describe('refuses an invalid body with 400 naming the field, and creates nothing', () => {
    const cases: [string, unknown, string][] = [
      ['a missing displayName', { labels: { region: 'x' } }, 'displayName'],
      ['an empty object', {}, 'displayName'],
      ['an empty displayName', { displayName: '' }, 'displayName'],
      ['a blank displayName', { displayName: '   ' }, 'displayName'],
      ['a number as displayName', { displayName: 42 }, 'displayName'],
      ['null as displayName', { displayName: null }, 'displayName'],
      ['labels that are a string', { displayName: 'x', labels: 'region=x' }, 'labels'],
      ['labels that are a list', { displayName: 'x', labels: ['region'] }, 'labels'],
      ['a label value that is a number', { displayName: 'x', labels: { zone: 1 } }, 'labels.zone'],
      ['a list as body', [{ displayName: 'x' }], 'body'],
      ['null as body', null, 'body'],
    ]

    it.each(cases)('%s', async (_, body, field) => {
      const before = await listedIds()
      expectProblem(await post('/api/components', body), 400, field)
      expect(await listedIds()).toEqual(before)
    })

    it('an empty body', async () => {
      const before = await listedIds()
      const reply = await post('/api/components', undefined, { raw: '', headers: { 'content-type': 'application/json' } })
      expectProblem(reply, 400, 'body')
      expect(await listedIds()).toEqual(before)
    })

    it('an unknown field, named in the error', async () => {
      const before = await listedIds()
      expectUnknownField(await post('/api/components', { displayName: 'x', colour: 'red' }), 'colour')
      expect(await listedIds()).toEqual(before)
    })

    it('an invalid PATCH, which leaves the component as it was', async () => {
      const id = await createComponent()
      const before = await readComponent(id)
      expectProblem(await patch(`/api/components/${id}`, { displayName: '' }), 400, 'displayName')
      expectProblem(await patch(`/api/components/${id}`, { labels: { zone: 7 } }), 400, 'labels.zone')
      expectProblem(await patch(`/api/components/${id}`, { displayName: uniqueName('x'), colour: 'red' }), 400)
      expect(await readComponent(id)).toEqual(before)
    })
  })

  describe('ids in the path', () => {
    const body = { displayName: 'never stored' }

    it.each(['not-a-uuid', '12345', 'c0ffee00-0000-0000-0000-00000000000g'])('answers 400 for the malformed id %j', async (id) => {
      expectProblem(await get(`/api/components/${id}`), 400, 'componentId')
      expectProblem(await patch(`/api/components/${id}`, body), 400, 'componentId')
      expectProblem(await del(`/api/components/${id}`), 400, 'componentId')
    })

    it('answers 404 for an unknown id, and creates nothing', async () => {
      const id = unknownId()
      const before = await listedIds()
      expectProblem(await get(`/api/components/${id}`), 404)
      expectProblem(await patch(`/api/components/${id}`, body), 404)
      expectProblem(await patch(`/api/components/${id}`, {}), 404)
      expectProblem(await del(`/api/components/${id}`), 404)
      expect(await listedIds()).toEqual(before)
    })
  })
})
