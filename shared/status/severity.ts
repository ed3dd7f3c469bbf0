// Severities as configured through the SCS status page API: each one names the upper end of a
// range of impact values (0..100), and value 0 is reserved for maintenance.

export interface Severity {
  displayName: string
  value: number
}

export interface SeverityRange {
  severity: Severity
  min: number
  max: number
}

// Colour and icon buckets for the UI, see severityLevel.
export type SeverityLevel = 'operational' | 'maintenance' | 'minor' | 'major' | 'unknown'

export type OverallStatus
  = | { kind: 'operational' }
    | { kind: 'maintenance' }
    | { kind: 'impacted', value: number, severity: Severity | undefined }

function byValue(severities: readonly Severity[]): Severity[] {
  return [...severities].sort((a, b) => a.value - b.value)
}

// Sorted by value, each severity covers the values above the previous one up to its own value.
export function severityRanges(severities: readonly Severity[]): SeverityRange[] {
  let min = 0
  return byValue(severities).map((severity) => {
    const range = { severity, min, max: severity.value }
    min = severity.value + 1
    return range
  })
}

// The first severity at or above the value is the one whose range holds it; a value above every
// configured severity still belongs to the highest, so a shrunken config never hides an impact.
export function severityFor(value: number, severities: readonly Severity[]): Severity | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined
  const sorted = byValue(severities)
  return sorted.find(severity => severity.value >= value) ?? sorted.at(-1)
}

export function worstSeverity(values: readonly number[]): number | undefined {
  let worst: number | undefined
  for (const value of values) {
    if (worst === undefined || value > worst) worst = value
  }
  return worst
}

// Maintenance (0) only shows when nothing real is going on: the worst value wins.
export function overallStatus(activeImpactValues: readonly number[], severities: readonly Severity[]): OverallStatus {
  const value = worstSeverity(activeImpactValues)
  if (value === undefined) return { kind: 'operational' }
  if (value === 0) return { kind: 'maintenance' }
  return { kind: 'impacted', value, severity: severityFor(value, severities) }
}

// 'operational' means "no impact" (undefined) and 'maintenance' means 0. Any positive value is
// degradation: 'major' when it falls into the highest severity, 'minor' below that. So with the
// typical config (0, 33, 66, 100) the values 1..66 are 'minor' and 67..100 'major'; a severity
// named "operational" still counts as 'minor' once it is reported as an impact.
export function severityLevel(value: number | undefined, severities: readonly Severity[]): SeverityLevel {
  if (value === undefined) return 'operational'
  if (value === 0) return 'maintenance'
  const severity = severityFor(value, severities)
  // No positive severity is configured to place it, or it is not an impact value at all.
  if (severity === undefined || severity.value === 0) return 'unknown'
  return severity.value === worstSeverity(severities.map(s => s.value)) ? 'major' : 'minor'
}
