import { describe, it, expect } from 'vitest'
import { isActiveAt, isMaintenance, isScheduledMaintenance, upcomingMaintenance } from '../../shared/status/incident.ts'

const now = new Date('2026-06-15T12:00:00Z')

function incident(beganAt: string, endedAt: string | null, severities: number[], id = beganAt) {
  return { id, beganAt, endedAt, affects: severities.map(severity => ({ severity })) }
}

describe('isActiveAt', () => {
  const span = { beganAt: '2026-06-15T10:00:00Z', endedAt: '2026-06-15T14:00:00Z' }

  it('is active from its start', () => {
    expect(isActiveAt(span, new Date('2026-06-15T10:00:00Z'))).toBe(true)
    expect(isActiveAt(span, now)).toBe(true)
  })

  it('is not active before it begins', () => {
    expect(isActiveAt(span, new Date('2026-06-15T09:59:59Z'))).toBe(false)
  })

  it('is no longer active at the instant it ends', () => {
    expect(isActiveAt(span, new Date('2026-06-15T14:00:00Z'))).toBe(false)
  })

  it('stays active without an end', () => {
    expect(isActiveAt({ beganAt: '2026-01-01T00:00:00Z', endedAt: null }, now)).toBe(true)
  })

  it('compares instants, not strings with different offsets', () => {
    expect(isActiveAt({ beganAt: '2026-06-15T13:30:00+02:00', endedAt: null }, now)).toBe(true)
  })
})

describe('isMaintenance', () => {
  it('is maintenance when every impact is 0', () => {
    expect(isMaintenance(incident('2026-06-15T10:00:00Z', null, [0, 0]))).toBe(true)
  })

  it('is an incident as soon as one impact is real', () => {
    expect(isMaintenance(incident('2026-06-15T10:00:00Z', null, [0, 50]))).toBe(false)
  })

  it('is not maintenance without impacts', () => {
    expect(isMaintenance(incident('2026-06-15T10:00:00Z', null, []))).toBe(false)
  })
})

describe('isScheduledMaintenance', () => {
  it('is scheduled when maintenance begins in the future', () => {
    expect(isScheduledMaintenance(incident('2026-06-16T02:00:00Z', '2026-06-16T04:00:00Z', [0]), now)).toBe(true)
  })

  it('is not scheduled once it has begun', () => {
    expect(isScheduledMaintenance(incident('2026-06-15T11:00:00Z', null, [0]), now)).toBe(false)
  })

  it('is not scheduled maintenance when a future incident has a real impact', () => {
    expect(isScheduledMaintenance(incident('2026-06-16T02:00:00Z', null, [0, 33]), now)).toBe(false)
  })
})

describe('upcomingMaintenance', () => {
  const later = incident('2026-06-20T02:00:00Z', null, [0], 'later')
  const soon = incident('2026-06-16T02:00:00Z', null, [0], 'soon')
  const edge = incident('2026-06-22T12:00:00Z', null, [0], 'edge')
  const tooLate = incident('2026-06-22T12:00:01Z', null, [0], 'too-late')
  const running = incident('2026-06-15T11:00:00Z', null, [0], 'running')
  const outage = incident('2026-06-17T02:00:00Z', null, [66], 'outage')

  it('keeps future maintenance within the window, soonest first', () => {
    const upcoming = upcomingMaintenance([later, tooLate, running, outage, soon, edge], now, 7)
    expect(upcoming.map(i => i.id)).toEqual(['soon', 'later', 'edge'])
  })

  it('returns the caller\'s objects', () => {
    expect(upcomingMaintenance([soon], now, 7)[0]).toBe(soon)
  })

  it('is empty when nothing is planned', () => {
    expect(upcomingMaintenance([running, outage], now, 7)).toEqual([])
  })
})
