import { describe, expect, it } from 'vitest'
import { incidentState } from '../../shared/status/lifecycle.ts'

const now = Date.parse('2026-11-26T12:00:00Z')

describe('incidentState', () => {
  it('tells scheduled, ongoing and resolved apart, the end being exclusive', () => {
    expect(incidentState({ beganAt: '2026-11-27T00:00:00Z', endedAt: '2026-11-27T02:00:00Z' }, now)).toBe('scheduled')
    expect(incidentState({ beganAt: '2026-11-26T11:00:00Z', endedAt: null }, now)).toBe('ongoing')
    expect(incidentState({ beganAt: '2026-11-26T11:00:00Z', endedAt: '2026-11-26T13:00:00Z' }, now)).toBe('ongoing')
    expect(incidentState({ beganAt: '2026-11-26T11:00:00Z', endedAt: '2026-11-26T12:00:00Z' }, now)).toBe('resolved')
  })
})
