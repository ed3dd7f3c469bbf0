// The maintenance calendar, read with an iCalendar parser: one VEVENT per maintenance with a
// stable UID, SEQUENCE raised on change, STATUS:CANCELLED once deleted, the filters, and 304.
import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { del, expectProblem, get, patch } from './client'
import { createComponent, createImpactType, createIncident, DAY, fromNow, HOUR, uniqueName, windowFromNow } from './fixtures'

const group = `cal-${crypto.randomUUID().slice(0, 8)}`
let component: string
let other: string
let type: string

beforeAll(async () => {
  component = await createComponent({ labels: { calendar: group } })
  other = await createComponent({ labels: { calendar: 'elsewhere' } })
  type = await createImpactType()
})

const maintenance = (reference = component, overrides = {}) => createIncident({
  displayName: uniqueName('Window'),
  ...windowFromNow(DAY, 2 * HOUR),
  affects: [{ reference, type, severity: 0 }],
  ...overrides,
})

interface CalendarEvent {
  uid: string
  summary: string
  sequence: number
  status: string
  start: number
  end: number
}

async function readCalendar(query: string): Promise<Map<string, CalendarEvent>> {
  const reply = await get(`/maintenance.ics${query}`)
  expect(reply.status, String(reply.body)).toBe(200)
  expect(reply.headers.get('content-type')).toContain('text/calendar')
  const calendar = new ICAL.Component(ICAL.parse(reply.body as string))
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent)
    return {
      uid: event.uid,
      summary: event.summary,
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue('status')),
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
    }
  })
  expect(new Set(events.map(event => event.uid)).size, 'UIDs are unique').toBe(events.length)
  return new Map(events.map(event => [event.uid, event]))
}

describe('/maintenance.ics', () => {
  it('lists each maintenance of the component once, with its times, and no incidents', async () => {
    const id = await maintenance()
    const incident = await createIncident({ beganAt: fromNow(-HOUR), affects: [{ reference: component, type, severity: 50 }] })
    const events = await readCalendar(`?component=${component}`)
    const event = events.get(id)!
    expect(event).toBeDefined()
    expect(event.status).toBe('CONFIRMED')
    expect(event.sequence).toBe(0)
    expect(event.end - event.start).toBe(2 * HOUR)
    expect(Math.abs(event.start - (Date.now() + DAY))).toBeLessThan(60_000)
    expect(events.has(incident)).toBe(false)
  })

  it('raises SEQUENCE on every change and keeps the UID', async () => {
    const id = await maintenance()
    const renamed = uniqueName('Moved window')
    expect((await patch(`/api/incidents/${id}`, { displayName: renamed })).status).toBe(204)
    expect((await patch(`/api/incidents/${id}`, windowFromNow(2 * DAY, HOUR))).status).toBe(204)
    const event = (await readCalendar(`?component=${component}`)).get(id)!
    expect(event.summary).toBe(renamed)
    expect(event.sequence).toBe(2)
    expect(event.end - event.start).toBe(HOUR)
  })

  it('keeps a deleted maintenance as cancelled, with a higher SEQUENCE', async () => {
    const id = await maintenance()
    expect((await patch(`/api/incidents/${id}`, { description: 'moved' })).status).toBe(204)
    expect((await del(`/api/incidents/${id}`)).status).toBe(204)
    const event = (await readCalendar(`?component=${component}`)).get(id)!
    expect(event.status).toBe('CANCELLED')
    expect(event.sequence).toBe(2)
    // A deleted incident that was no maintenance leaves nothing behind.
    const incident = await createIncident({ beganAt: fromNow(-HOUR), endedAt: fromNow(-1), affects: [{ reference: component, type, severity: 50 }] })
    expect((await del(`/api/incidents/${incident}`)).status).toBe(204)
    expect((await readCalendar(`?component=${component}`)).has(incident)).toBe(false)
  })

  it('narrows by component and by label', async () => {
    const here = await maintenance()
    const there = await maintenance(other)
    const cancelledThere = await maintenance(other)
    expect((await del(`/api/incidents/${cancelledThere}`)).status).toBe(204)
    const byComponent = await readCalendar(`?component=${component}`)
    expect(byComponent.has(here)).toBe(true)
    expect(byComponent.has(there)).toBe(false)
    expect(byComponent.has(cancelledThere)).toBe(false)
    const byLabel = await readCalendar(`?label=${encodeURIComponent(`calendar:${group}`)}`)
    expect(byLabel.has(here)).toBe(true)
    expect(byLabel.has(there)).toBe(false)
    const all = await readCalendar('')
    expect(all.has(here) && all.has(there) && all.has(cancelledThere)).toBe(true)
  })

  it('refuses bad filters and answers a repeated request with 304', async () => {
    expectProblem(await get('/maintenance.ics?component=42'), 400, 'component')
    expectProblem(await get('/maintenance.ics?label=:x'), 400, 'label')
    const first = await get(`/maintenance.ics?component=${component}`)
    const again = await get(`/maintenance.ics?component=${component}`, { headers: { 'if-none-match': first.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })
})
