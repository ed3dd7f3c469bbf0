import { describe, it, expect } from 'vitest'
import { overallStatus, severityFor, severityLevel, severityRanges, worstSeverity } from '../../shared/status/severity.ts'

const maintenance = { displayName: 'maintenance', value: 0 }
const operational = { displayName: 'operational', value: 33 }
const limited = { displayName: 'limited', value: 66 }
const broken = { displayName: 'broken', value: 100 }
const typical = [maintenance, operational, limited, broken]
// The same config in the order an API client might have created it.
const shuffled = [limited, broken, maintenance, operational]

describe('severityRanges', () => {
  it('covers 0..100 with the typical config', () => {
    expect(severityRanges(typical)).toEqual([
      { severity: maintenance, min: 0, max: 0 },
      { severity: operational, min: 1, max: 33 },
      { severity: limited, min: 34, max: 66 },
      { severity: broken, min: 67, max: 100 },
    ])
  })

  it('sorts unsorted input by value', () => {
    expect(severityRanges(shuffled)).toEqual(severityRanges(typical))
  })

  it('lets the lowest severity start at 0 even when it is not maintenance', () => {
    expect(severityRanges([limited, operational])).toEqual([
      { severity: operational, min: 0, max: 33 },
      { severity: limited, min: 34, max: 66 },
    ])
  })

  it('is empty without severities', () => {
    expect(severityRanges([])).toEqual([])
  })

  it('does not reorder the caller\'s list', () => {
    const list = [...shuffled]
    severityRanges(list)
    expect(list).toEqual(shuffled)
  })
})

describe('severityFor', () => {
  it.each([
    [0, maintenance],
    [1, operational],
    [33, operational],
    [34, limited],
    [66, limited],
    [67, broken],
    [100, broken],
  ])('places %i by range', (value, expected) => {
    expect(severityFor(value, shuffled)).toBe(expected)
  })

  it('gives a value above every severity to the highest one', () => {
    expect(severityFor(80, [maintenance, operational, limited])).toBe(limited)
  })

  it('returns undefined without severities', () => {
    expect(severityFor(50, [])).toBeUndefined()
  })

  it('returns undefined for values outside the domain', () => {
    expect(severityFor(-1, typical)).toBeUndefined()
    expect(severityFor(Number.NaN, typical)).toBeUndefined()
  })
})

describe('worstSeverity', () => {
  it('is the highest value', () => {
    expect(worstSeverity([33, 100, 0, 66])).toBe(100)
  })

  it('keeps 0 as a value', () => {
    expect(worstSeverity([0, 0])).toBe(0)
  })

  it('is undefined for no values', () => {
    expect(worstSeverity([])).toBeUndefined()
  })
})

describe('overallStatus', () => {
  it('is operational without active impacts', () => {
    expect(overallStatus([], typical)).toEqual({ kind: 'operational' })
  })

  it('is maintenance when every active impact is maintenance', () => {
    expect(overallStatus([0, 0], typical)).toEqual({ kind: 'maintenance' })
  })

  it('lets a real impact win over maintenance', () => {
    expect(overallStatus([0, 50, 20], typical)).toEqual({ kind: 'impacted', value: 50, severity: limited })
  })

  it('reports the value without a severity when none is configured', () => {
    expect(overallStatus([50], [])).toEqual({ kind: 'impacted', value: 50, severity: undefined })
  })
})

describe('severityLevel', () => {
  it.each([
    [undefined, 'operational'],
    [0, 'maintenance'],
    [1, 'minor'],
    [33, 'minor'],
    [66, 'minor'],
    [67, 'major'],
    [100, 'major'],
  ] as const)('maps %s to %s with the typical config', (value, level) => {
    expect(severityLevel(value, shuffled)).toBe(level)
  })

  it('treats a value above the highest severity as major', () => {
    expect(severityLevel(90, [maintenance, operational, limited])).toBe('major')
  })

  it('makes a single positive severity major', () => {
    expect(severityLevel(10, [maintenance, broken])).toBe('major')
  })

  it('is unknown when no positive severity can place the value', () => {
    expect(severityLevel(50, [])).toBe('unknown')
    expect(severityLevel(50, [maintenance])).toBe('unknown')
    expect(severityLevel(-5, typical)).toBe('unknown')
  })
})
