import { describe, expect, it } from 'vitest'
import { durationText, durationUnit } from '../../utils/admin-time'

describe('lengths of time in the admin area', () => {
  it('are shown in the largest unit that counts them whole', () => {
    expect(durationText(86400)).toBe('24 h')
    expect(durationText(5400)).toBe('90 min')
    expect(durationText(45)).toBe('45 s')
    expect(durationText(0)).toBe('0 s')
  })

  it('are edited in that unit', () => {
    expect(durationUnit(3600).seconds).toBe(3600)
    expect(durationUnit(600).seconds).toBe(60)
    expect(durationUnit(61).seconds).toBe(1)
  })
})
