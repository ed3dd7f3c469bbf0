import { describe, expect, it } from 'vitest'
import { addMonths, isMonthKey, monthBounds, monthKey, monthsUpTo } from '../../shared/status/months.ts'

describe('months', () => {
  it('names the month of an instant in the time zone', () => {
    const instant = new Date('2026-10-31T23:30:00Z')
    expect(monthKey(instant, 'UTC')).toBe('2026-10')
    expect(monthKey(instant, 'Europe/Berlin')).toBe('2026-11')
  })

  it('steps across years both ways', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2026-11', 3)).toBe('2027-02')
    expect(monthsUpTo('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12'])
  })

  it('bounds a month by local midnights', () => {
    expect(monthBounds('2026-03', 'Europe/Berlin')).toEqual({
      start: new Date('2026-02-28T23:00:00Z'),
      // Summer time has begun by April.
      end: new Date('2026-03-31T22:00:00Z'),
    })
  })

  it('accepts only YYYY-MM', () => {
    expect(isMonthKey('2026-11')).toBe(true)
    expect(isMonthKey('2026-11-01')).toBe(false)
    expect(isMonthKey(undefined)).toBe(false)
    expect(() => addMonths('November', 1)).toThrow(RangeError)
  })
})
