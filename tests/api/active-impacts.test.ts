import { beforeAll, describe, expect, it } from 'vitest'
import type { ComponentData, ImpactData } from '../../openapi/schemas'
import { expectProblem, expectResponse, get, patch } from './client'
import { after, createComponent, createImpactType, createIncident, DAY, fromNow, HOUR, query } from './fixtures'

/** `activelyAffectedBy` of one component, from GET /components/{id} and from GET /components. */
async function activeImpacts(componentId: string, at?: string): Promise<ImpactData[]> {
  const params = at ? query({ at }) : ''
  const single = expectResponse(await get(`/api/components/${componentId}${params}`), 'getComponent', 200).data
  const list = expectResponse(await get(`/api/components${params}`), 'getComponents', 200).data as ComponentData[]
  expect(list.find(component => component.id === componentId)).toEqual(single)
  return single.activelyAffectedBy
}

const sorted = (impacts: ImpactData[]) =>
  [...impacts].sort((a, b) => a.reference.localeCompare(b.reference) || a.type.localeCompare(b.type))

let outage: string
let slowness: string

beforeAll(async () => {
  ;[outage, slowness] = await Promise.all([createImpactType({ displayName: 'Outage' }), createImpactType({ displayName: 'Slowness' })])
})

describe('activelyAffectedBy now', () => {
  it('is empty for a component without incidents', async () => {
    const component = await createComponent()
    expect(await activeImpacts(component)).toEqual([])
  })

  it('lists the impacts of an ongoing incident, referencing the incident', async () => {
    const component = await createComponent()
    const incident = await createIncident({ beganAt: fromNow(-HOUR), affects: [{ reference: component, type: outage, severity: 80 }] })
    expect(await activeImpacts(component)).toEqual([{ reference: incident, type: outage, severity: 80 }])
  })

  it('lists an incident that has begun and ends later', async () => {
    const component = await createComponent()
    const incident = await createIncident({ beganAt: fromNow(-HOUR), endedAt: fromNow(HOUR), affects: [{ reference: component, type: outage, severity: 50 }] })
    expect(await activeImpacts(component)).toEqual([{ reference: incident, type: outage, severity: 50 }])
  })

  it('lists every impact of every active incident on the component, and only those', async () => {
    const component = await createComponent()
    const elsewhere = await createComponent()
    const first = await createIncident({
      beganAt: fromNow(-2 * HOUR),
      affects: [
        { reference: component, type: outage, severity: 90 },
        { reference: component, type: slowness, severity: 30 },
        { reference: elsewhere, type: outage, severity: 70 },
      ],
    })
    const second = await createIncident({ beganAt: fromNow(-HOUR), affects: [{ reference: component, type: slowness, severity: 40 }] })
    expect(sorted(await activeImpacts(component))).toEqual(sorted([
      { reference: first, type: outage, severity: 90 },
      { reference: first, type: slowness, severity: 30 },
      { reference: second, type: slowness, severity: 40 },
    ]))
    expect(await activeImpacts(elsewhere)).toEqual([{ reference: first, type: outage, severity: 70 }])
  })

  it('leaves out ended incidents', async () => {
    const component = await createComponent()
    await createIncident({ beganAt: fromNow(-2 * DAY), endedAt: fromNow(-DAY), affects: [{ reference: component, type: outage, severity: 100 }] })
    expect(await activeImpacts(component)).toEqual([])
  })

  it('leaves out incidents that have not begun', async () => {
    const component = await createComponent()
    await createIncident({ beganAt: fromNow(DAY), affects: [{ reference: component, type: outage, severity: 60 }] })
    await createIncident({ beganAt: fromNow(DAY), endedAt: fromNow(DAY + HOUR), affects: [{ reference: component, type: slowness, severity: 0 }] })
    expect(await activeImpacts(component)).toEqual([])
  })

  it('drops an incident once it is ended, and takes it back when reopened', async () => {
    const component = await createComponent()
    const incident = await createIncident({ beganAt: fromNow(-HOUR), affects: [{ reference: component, type: outage, severity: 75 }] })
    expect(await activeImpacts(component)).toHaveLength(1)
    expectResponse(await patch(`/api/incidents/${incident}`, { endedAt: fromNow(-1000) }), 'updateIncident', 204)
    expect(await activeImpacts(component)).toEqual([])
    expectResponse(await patch(`/api/incidents/${incident}`, { endedAt: null }), 'updateIncident', 204)
    expect(await activeImpacts(component)).toEqual([{ reference: incident, type: outage, severity: 75 }])
  })

  it('follows a change of the incident\'s impacts', async () => {
    const component = await createComponent()
    const incident = await createIncident({ beganAt: fromNow(-HOUR), affects: [{ reference: component, type: outage, severity: 75 }] })
    expectResponse(await patch(`/api/incidents/${incident}`, { affects: [{ reference: component, type: slowness, severity: 20 }] }), 'updateIncident', 204)
    expect(await activeImpacts(component)).toEqual([{ reference: incident, type: slowness, severity: 20 }])
    expectResponse(await patch(`/api/incidents/${incident}`, { affects: [] }), 'updateIncident', 204)
    expect(await activeImpacts(component)).toEqual([])
  })
})

describe('activelyAffectedBy at a given time', () => {
  const began = '2029-07-01T10:00:00.000Z'
  const ended = '2029-07-01T14:00:00.000Z'
  let component: string
  let incident: string

  beforeAll(async () => {
    component = await createComponent()
    incident = await createIncident({ beganAt: began, endedAt: ended, affects: [{ reference: component, type: outage, severity: 66 }] })
  })

  it('lists an incident at a time within its span', async () => {
    expect(await activeImpacts(component, after(began, 2 * HOUR))).toEqual([{ reference: incident, type: outage, severity: 66 }])
  })

  it('counts from the instant it begins up to the instant it ends, exclusive', async () => {
    expect(await activeImpacts(component, began)).toEqual([{ reference: incident, type: outage, severity: 66 }])
    expect(await activeImpacts(component, after(ended, -1))).toHaveLength(1)
    expect(await activeImpacts(component, after(began, -1))).toEqual([])
    expect(await activeImpacts(component, ended)).toEqual([])
  })

  it('leaves it out before and after its span, and now', async () => {
    expect(await activeImpacts(component, after(began, -DAY))).toEqual([])
    expect(await activeImpacts(component, after(ended, DAY))).toEqual([])
    expect(await activeImpacts(component)).toEqual([])
  })

  it('reads `at` in any offset', async () => {
    expect(await activeImpacts(component, '2029-07-01T13:00:00+02:00')).toEqual([{ reference: incident, type: outage, severity: 66 }])
    expect(await activeImpacts(component, '2029-07-01T09:30:00-05:00')).toEqual([])
  })

  it('lists an ongoing incident at any later time', async () => {
    const ongoingOn = await createComponent()
    const ongoing = await createIncident({ beganAt: fromNow(-DAY), affects: [{ reference: ongoingOn, type: slowness, severity: 10 }] })
    expect(await activeImpacts(ongoingOn, fromNow(365 * DAY))).toEqual([{ reference: ongoing, type: slowness, severity: 10 }])
    expect(await activeImpacts(ongoingOn, fromNow(-2 * DAY))).toEqual([])
  })

  it('shows future maintenance only inside its window', async () => {
    const maintained = await createComponent()
    const beganAt = fromNow(3 * DAY)
    const endedAt = after(beganAt, 4 * HOUR)
    const maintenance = await createIncident({ beganAt, endedAt, affects: [{ reference: maintained, type: outage, severity: 0 }] })
    expect(await activeImpacts(maintained)).toEqual([])
    expect(await activeImpacts(maintained, after(beganAt, -HOUR))).toEqual([])
    expect(await activeImpacts(maintained, after(beganAt, 2 * HOUR))).toEqual([{ reference: maintenance, type: outage, severity: 0 }])
    expect(await activeImpacts(maintained, after(endedAt, HOUR))).toEqual([])
  })

  it('refuses an `at` that is not an RFC 3339 instant', async () => {
    for (const at of ['tomorrow', '2029-07-01', '2029-07-01T12:00:00', '0000-01-01T00:00:00Z', '9999-12-31T23:00:00-12:00']) {
      expectProblem(await get(`/api/components/${component}${query({ at })}`), 400, 'at')
      expectProblem(await get(`/api/components${query({ at })}`), 400, 'at')
    }
  })
})
