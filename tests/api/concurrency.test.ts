import { describe, expect, it } from 'vitest'
import type { IncidentData } from '../../openapi/schemas'
import { del, expectProblem, expectResponse, get, patch, post } from './client'
import { createComponent, createImpactType, createIncident, fromNow, HOUR } from './fixtures'

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
