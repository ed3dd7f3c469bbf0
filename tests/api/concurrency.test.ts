import { afterAll, describe, expect, it } from 'vitest'
import type { IncidentData } from '../../openapi/schemas'
import { del, expectProblem, expectResponse, get, patch, post, type Reply } from './client'
import { createComponent, createImpactType, createIncident, createIncidentUpdate, fromNow, HOUR, uniqueName, unknownId } from './fixtures'
import { freeSeverityValues, severityJanitor } from './severity-fixtures'

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

async function readIncident(id: string): Promise<IncidentData> {
  return expectResponse(await get(`/api/incidents/${id}`), 'getIncident', 200).data
}

/** Posts `count` updates to an incident at once and returns their orders, as answered. */
async function postUpdatesAtOnce(incidentId: string, count: number): Promise<number[]> {
  const replies = await Promise.all(range(count).map(i => post(`/api/incidents/${incidentId}/updates`, { displayName: `Concurrent ${i}` })))
  return replies.map(reply => expectResponse(reply, 'createIncidentUpdate', 201).order)
}

describe('concurrent update posts', () => {
  it('give 40 updates to one incident the orders 0..39, each once', async () => {
    const incident = await createIncident()
    const orders = await postUpdatesAtOnce(incident, 40)
    expect([...orders].sort((a, b) => a - b)).toEqual(range(40))

    const listed = expectResponse(await get(`/api/incidents/${incident}/updates`), 'getIncidentUpdates', 200).data
    expect(listed.map((update: { order: number }) => update.order)).toEqual(range(40))
    // Each reply names the update its own request created.
    const names = new Map(listed.map((update: { order: number, displayName: string }) => [update.order, update.displayName]))
    orders.forEach((order, i) => expect(names.get(order)).toBe(`Concurrent ${i}`))
    expect((await readIncident(incident)).updates).toEqual(range(40))
  })

  it('number the updates of several incidents independently', async () => {
    const incidents = await Promise.all(range(3).map(() => createIncident()))
    const orders = await Promise.all(incidents.map(incident => postUpdatesAtOnce(incident, 15)))
    for (const [i, incident] of incidents.entries()) {
      expect([...orders[i]!].sort((a, b) => a - b)).toEqual(range(15))
      expect((await readIncident(incident)).updates).toEqual(range(15))
    }
  })
})

describe('concurrent incident patches', () => {
  it('of different fields keep both changes', async () => {
    const incidents = await Promise.all(range(10).map(() => createIncident({ displayName: 'Before', description: 'Before.' })))
    const replies = await Promise.all(incidents.flatMap(id => [
      patch(`/api/incidents/${id}`, { description: `Description of ${id}` }),
      patch(`/api/incidents/${id}`, { displayName: `Name of ${id}` }),
    ]))
    replies.forEach(reply => expectResponse(reply, 'updateIncident', 204))
    for (const id of incidents) {
      const incident = await readIncident(id)
      expect(incident.displayName).toBe(`Name of ${id}`)
      expect(incident.description).toBe(`Description of ${id}`)
    }
  })

  it('of the time span, the impacts and the name keep every change', async () => {
    const [component, impactType] = await Promise.all([createComponent(), createImpactType()])
    const beganAt = fromNow(-2 * HOUR)
    const endedAt = fromNow(-HOUR)
    const incidents = await Promise.all(range(5).map(() => createIncident({ beganAt })))
    const affects = [{ reference: component, type: impactType, severity: 45 }]
    const replies = await Promise.all(incidents.flatMap(id => [
      patch(`/api/incidents/${id}`, { endedAt }),
      patch(`/api/incidents/${id}`, { affects }),
      patch(`/api/incidents/${id}`, { displayName: 'Renamed' }),
      post(`/api/incidents/${id}/updates`, { displayName: 'Meanwhile' }),
    ]))
    replies.forEach((reply, i) => i % 4 === 3
      ? expectResponse(reply, 'createIncidentUpdate', 201)
      : expectResponse(reply, 'updateIncident', 204))
    for (const id of incidents) {
      const incident = await readIncident(id)
      expect(Date.parse(incident.endedAt!)).toBe(Date.parse(endedAt))
      expect(incident.affects).toEqual(affects)
      expect(incident.displayName).toBe('Renamed')
      expect(incident.updates).toEqual([0])
    }
  })
})

describe('writes that race with a delete', () => {
  it('of an affected component get 201/204 or 400, never a server error', async () => {
    const impactType = await createImpactType()
    for (let round = 0; round < 5; round++) {
      const component = await createComponent()
      const affects = [{ reference: component, type: impactType, severity: 50 }]
      const patched = await Promise.all(range(5).map(() => createIncident({ beganAt: fromNow(-HOUR) })))
      const [deleted, ...replies] = await Promise.all([
        new Promise(resolve => setTimeout(resolve, round * 2)).then(() => del(`/api/components/${component}`)),
        ...range(5).map(() => post('/api/incidents', { displayName: 'Racing', beganAt: fromNow(-HOUR), affects })),
        ...patched.map(id => patch(`/api/incidents/${id}`, { affects })),
      ])
      expectResponse(deleted!, 'deleteComponent', 204)
      for (const [i, reply] of replies.entries()) {
        if (reply.status >= 400) {
          expectProblem(reply, 400, 'affects[0].reference')
          continue
        }
        // Written before the delete: the delete removed the impact again.
        const id = i < 5 ? expectResponse(reply, 'createIncident', 201).id : patched[i - 5]!
        if (i >= 5) expectResponse(reply, 'updateIncident', 204)
        expect((await readIncident(id)).affects).toEqual([])
      }
    }
  })

  it('of an impact type in use get 201 or 400, and the delete 204 or 409', async () => {
    const component = await createComponent()
    for (let round = 0; round < 5; round++) {
      const impactType = await createImpactType()
      const affects = [{ reference: component, type: impactType, severity: 50 }]
      const [deleted, ...replies] = await Promise.all([
        new Promise(resolve => setTimeout(resolve, round * 2)).then(() => del(`/api/impacttypes/${impactType}`)),
        ...range(10).map(() => post('/api/incidents', { displayName: 'Racing', beganAt: fromNow(-HOUR), affects })),
      ])
      const created = replies.filter(reply => reply.status === 201)
      if (deleted!.status === 204) expect(created).toEqual([])
      else expectProblem(deleted!, 409)
      for (const reply of replies) {
        if (reply.status === 201) expectResponse(reply, 'createIncident', 201)
        else expectProblem(reply, 400, 'affects[0].type')
      }
    }
  })
})

// Optimistic concurrency (README "Optimistic concurrency"): ETag on reads, If-Match on writes.

/** A resource under If-Match, made anew for each test, and two changes that tell writes apart. */
interface Guarded {
  path: string
  changes: [object, object]
}

const severities = severityJanitor()
afterAll(async () => {
  await severities.cleanup()
  // The settings are shared with the other files: back to the default title.
  expectResponse(await patch('/api/settings', { title: 'Cloud status' }), 'updateSettings', 204)
})

const kinds = [
  {
    kind: 'incident', get: 'getIncident', update: 'updateIncident', remove: 'deleteIncident',
    make: async (): Promise<Guarded> => ({ path: `/api/incidents/${await createIncident()}`, changes: [{ displayName: 'Mine' }, { description: 'Theirs.' }] }),
  },
  {
    kind: 'incident update', get: 'getIncidentUpdate', update: 'updateIncidentUpdate', remove: 'deleteIncidentUpdate',
    make: async (): Promise<Guarded> => {
      const incident = await createIncident()
      return { path: `/api/incidents/${incident}/updates/${await createIncidentUpdate(incident)}`, changes: [{ displayName: 'Mine' }, { description: 'Theirs.' }] }
    },
  },
  {
    kind: 'component', get: 'getComponent', update: 'updateComponent', remove: 'deleteComponent',
    make: async (): Promise<Guarded> => ({ path: `/api/components/${await createComponent()}`, changes: [{ displayName: 'Mine' }, { labels: { region: 'theirs' } }] }),
  },
  {
    kind: 'impact type', get: 'getImpactType', update: 'updateImpactType', remove: 'deleteImpactType',
    make: async (): Promise<Guarded> => ({ path: `/api/impacttypes/${await createImpactType()}`, changes: [{ displayName: 'Mine' }, { description: 'Theirs.' }] }),
  },
  {
    kind: 'severity', get: 'getSeverity', update: 'updateSeverity', remove: 'deleteSeverity',
    make: async (): Promise<Guarded> => {
      const { displayName } = await severities.create()
      const [mine, theirs] = await freeSeverityValues(2)
      return { path: `/api/severities/${encodeURIComponent(displayName)}`, changes: [{ value: mine }, { value: theirs }] }
    },
  },
  {
    kind: 'settings', get: 'getSettings', update: 'updateSettings', remove: undefined,
    make: async (): Promise<Guarded> => ({ path: '/api/settings', changes: [{ title: uniqueName('Mine') }, { title: uniqueName('Theirs') }] }),
  },
] as const

const identity = { 'accept-encoding': 'identity' }

describe.each(kinds)('a conditional write of $kind', ({ get: read, update, remove, make }) => {
  /** The representation and its tag, as a client without compression gets them. */
  async function load(path: string) {
    const reply = await get(path, { headers: identity })
    const { data } = expectResponse(reply, read, 200)
    return { data, etag: reply.headers.get('etag')! }
  }
  const change = (path: string, body: object, ifMatch?: string) =>
    patch(path, body, { headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } })

  /** Asserts the 412: nothing changed, and the body names the current state and its tag. */
  async function expectStale(reply: Reply, operationId: string, path: string, before: { data: unknown, etag: string }) {
    const body = expectResponse(reply, operationId, 412)
    expectProblem(reply, 412)
    expect(body.etag).toBe(before.etag)
    expect(body.current).toEqual(before.data)
    expect(await load(path)).toEqual(before)
  }

  it('reads with a strong ETag that stays until the resource changes, for every encoding', async () => {
    const { path, changes } = await make()
    const first = await load(path)
    expect(first.etag).toMatch(/^"[\w-]+"$/)
    expect((await load(path)).etag).toBe(first.etag)
    const brotli = (await get(path, { headers: { 'accept-encoding': 'br' } })).headers.get('etag')!
    expect(brotli).toMatch(/^"[\w-]+"$/)
    expect(brotli).not.toBe(first.etag)
    expect((await get(path, { headers: { ...identity, 'if-none-match': first.etag } })).status).toBe(304)
    expectResponse(await change(path, changes[0]), update, 204)
    const after = await load(path)
    expect(after.etag).not.toBe(first.etag)
    expect(after.data).toMatchObject(changes[0])
  })

  it('applies a PATCH whose If-Match is current, of any encoding, and answers with the new tag', async () => {
    const { path, changes } = await make()
    const reply = await change(path, changes[0], (await load(path)).etag)
    expectResponse(reply, update, 204)
    expect(reply.headers.get('etag')).toBe((await load(path)).etag)
    const brotli = (await get(path, { headers: { 'accept-encoding': 'br' } })).headers.get('etag')!
    expectResponse(await change(path, changes[1], `"stale", ${brotli}`), update, 204)
    expect((await load(path)).data).toMatchObject(changes[1])
  })

  it('refuses a stale or weak If-Match with 412 that names the current state, and changes nothing', async () => {
    const { path, changes } = await make()
    const stale = (await load(path)).etag
    expectResponse(await change(path, changes[0]), update, 204)
    const current = await load(path)
    await expectStale(await change(path, changes[1], stale), update, path, current)
    await expectStale(await change(path, changes[1], `W/${current.etag}`), update, path, current)
  })

  it('takes `*` for whatever is there, and without If-Match writes as ever', async () => {
    const { path, changes } = await make()
    expectResponse(await change(path, changes[0], '*'), update, 204)
    expect((await load(path)).data).toMatchObject(changes[0])
    const unconditional = await change(path, changes[1])
    expectResponse(unconditional, update, 204)
    expect(unconditional.headers.get('etag')).toBeNull()
    expect((await load(path)).data).toMatchObject(changes[1])
  })

  it('lets exactly one of two PATCHes with the same tag through', async () => {
    const { path, changes } = await make()
    const { etag } = await load(path)
    const replies = await Promise.all(changes.map(body => change(path, body, etag)))
    expect(replies.map(reply => reply.status).sort()).toEqual([204, 412])
    const winner = replies.findIndex(reply => reply.status === 204)
    expectResponse(replies[winner]!, update, 204)
    const now = await load(path)
    expect(now.data).toMatchObject(changes[winner]!)
    await expectStale(replies[1 - winner]!, update, path, now)
  })

  it.skipIf(!remove)('deletes only with a current If-Match', async () => {
    const { path, changes } = await make()
    const stale = (await load(path)).etag
    expectResponse(await change(path, changes[0]), update, 204)
    const current = await load(path)
    await expectStale(await del(path, { headers: { 'if-match': stale } }), remove!, path, current)
    expectResponse(await del(path, { headers: { 'if-match': current.etag } }), remove!, 204)
    expectProblem(await del(path, { headers: { 'if-match': '*' } }), 404)
  })
})

describe('If-Match on what does not exist', () => {
  it('gets the 404 it would get without', async () => {
    expectProblem(await patch(`/api/incidents/${unknownId()}`, { displayName: 'Nobody' }, { headers: { 'if-match': '*' } }), 404)
    expectProblem(await del(`/api/components/${unknownId()}`, { headers: { 'if-match': '"abc"' } }), 404)
  })
})
