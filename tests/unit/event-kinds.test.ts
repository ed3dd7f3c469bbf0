import { describe, expect, it } from 'vitest'
import { eventOf } from '../../server/notify/event-kinds.ts'

const now = new Date('2026-12-01T12:00:00Z')
const outage = (endedAt: string | null = null) => ({ beganAt: '2026-12-01T10:00:00Z', endedAt, affects: [{ severity: 50 }] })
const maintenance = (beganAt = '2026-12-02T10:00:00Z', endedAt = '2026-12-02T12:00:00Z') => ({ beganAt, endedAt, affects: [{ severity: 0 }] })

describe('eventOf', () => {
  it('names the changes of an incident', () => {
    expect(eventOf(undefined, outage(), now)).toBe('incident.opened')
    expect(eventOf(outage(), outage(), now)).toBe('incident.updated')
    expect(eventOf(outage(), outage('2026-12-01T11:00:00Z'), now)).toBe('incident.resolved')
    expect(eventOf(outage('2026-12-01T11:00:00Z'), outage(), now)).toBe('incident.reopened')
    expect(eventOf(outage(), undefined, now)).toBeUndefined()
  })

  it('names the changes of maintenance', () => {
    expect(eventOf(undefined, maintenance(), now)).toBe('maintenance.scheduled')
    expect(eventOf(maintenance(), maintenance('2026-12-03T10:00:00Z', '2026-12-03T11:00:00Z'), now)).toBe('maintenance.changed')
    expect(eventOf(maintenance(), undefined, now)).toBe('maintenance.cancelled')
  })

  it('does not call deleting maintenance that is over a cancellation', () => {
    expect(eventOf(maintenance('2026-11-01T10:00:00Z', '2026-11-01T11:00:00Z'), undefined, now)).toBeUndefined()
  })
})
