// How SCS impact values read in Atlassian Statuspage's vocabulary: component statuses, incident
// impacts and the page's status indicator. Impact values map by range; the ranges follow the
// configured severities unless an admin sets them (settings.statuspageStatuses).
import { severityRanges, type Severity } from './severity.ts'

export type ComponentStatus = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance'
export type Indicator = 'none' | 'minor' | 'major' | 'critical'

/** The lowest impact value shown as each status. */
export interface StatusThresholds {
  degradedPerformance: number
  partialOutage: number
  majorOutage: number
}

/**
 * The highest severity's range is a major outage; with three or more severities above 0, the
 * range below it is a partial outage; everything else above 0 is degraded performance.
 */
export function defaultThresholds(severities: readonly Severity[]): StatusThresholds {
  const ranges = severityRanges(severities).filter(range => range.max > 0)
  const lowest = (index: number) => Math.max(1, ranges.at(index)?.min ?? 100)
  const majorOutage = lowest(-1)
  return { degradedPerformance: 1, partialOutage: ranges.length >= 3 ? lowest(-2) : majorOutage, majorOutage }
}

/** A component's status from the worst impact on it (undefined: none). */
export function componentStatus(value: number | undefined, thresholds: StatusThresholds): ComponentStatus {
  if (value === undefined) return 'operational'
  if (value === 0) return 'under_maintenance'
  if (value >= thresholds.majorOutage) return 'major_outage'
  if (value >= thresholds.partialOutage) return 'partial_outage'
  if (value >= thresholds.degradedPerformance) return 'degraded_performance'
  return 'operational'
}

const indicators: Record<ComponentStatus, Indicator> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
}

/** An incident's impact, and the page's indicator, from the worst impact value. */
export const indicatorFor = (value: number | undefined, thresholds: StatusThresholds): Indicator =>
  indicators[componentStatus(value, thresholds)]

const descriptions: Record<Indicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
}

/** The page's status line; maintenance alone leaves the indicator at none. */
export function pageStatus(worst: number | undefined, thresholds: StatusThresholds): { indicator: Indicator, description: string } {
  const indicator = indicatorFor(worst, thresholds)
  return { indicator, description: worst === 0 ? 'Service Under Maintenance' : descriptions[indicator] }
}

/** Worse statuses sort later. */
export const statusRank = (status: ComponentStatus) =>
  ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'].indexOf(status)
