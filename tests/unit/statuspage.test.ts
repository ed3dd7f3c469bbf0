import { describe, expect, it } from 'vitest'
import { buildStatuspage } from '../../server/services/statuspage.ts'
import { DEFAULT_SETTINGS } from '../../server/services/settings.ts'
import { componentStatus, defaultThresholds, pageStatus } from '../../shared/status/statuspage.ts'
import * as shapes from '../support/statuspage-shapes.ts'

const typical = [
  { displayName: 'maintenance', value: 0 },
  { displayName: 'limited', value: 33 },
  { displayName: 'broken', value: 66 },
  { displayName: 'down', value: 100 },
]

describe('defaultThresholds', () => {
  it('makes the highest severity a major outage and the one below a partial outage', () => {
    expect(defaultThresholds(typical)).toEqual({ degradedPerformance: 1, partialOutage: 34, majorOutage: 67 })
    const t = defaultThresholds(typical)
    expect([undefined, 0, 1, 33, 34, 66, 67, 100].map(value => componentStatus(value, t))).toEqual([
      'operational', 'under_maintenance', 'degraded_performance', 'degraded_performance',
      'partial_outage', 'partial_outage', 'major_outage', 'major_outage',
    ])
  })

  it('with two severities above 0 knows no partial outage, with one only a major outage', () => {
    expect(defaultThresholds([{ displayName: 'slow', value: 40 }, { displayName: 'down', value: 90 }]))
      .toEqual({ degradedPerformance: 1, partialOutage: 41, majorOutage: 41 })
    expect(defaultThresholds([{ displayName: 'down', value: 50 }])).toEqual({ degradedPerformance: 1, partialOutage: 1, majorOutage: 1 })
    // Only maintenance configured: values above every severity still belong to the highest range.
    expect(defaultThresholds([{ displayName: 'maintenance', value: 0 }])).toEqual({ degradedPerformance: 1, partialOutage: 100, majorOutage: 100 })
  })

  it('keeps the indicator at none for maintenance and says so', () => {
    const t = defaultThresholds(typical)
    expect(pageStatus(undefined, t)).toEqual({ indicator: 'none', description: 'All Systems Operational' })
    expect(pageStatus(0, t)).toEqual({ indicator: 'none', description: 'Service Under Maintenance' })
    expect(pageStatus(50, t)).toEqual({ indicator: 'major', description: 'Partial System Outage' })
  })
})

describe('buildStatuspage', () => {
  it('describes an empty page in Statuspage\'s shape', () => {
    const page = buildStatuspage({ settings: DEFAULT_SETTINGS, severities: [], components: [], incidents: [] }, 'https://status.example.com', new Date('2026-12-01T00:00:00Z'))
    const summary = shapes.Summary.parse({
      page: page.page,
      components: page.components,
      incidents: page.unresolvedIncidents,
      scheduled_maintenances: page.upcomingMaintenances,
      status: page.status,
    })
    expect(summary.components).toEqual([])
    expect(summary.status).toEqual({ indicator: 'none', description: 'All Systems Operational' })
    expect(summary.page).toMatchObject({ name: 'Cloud status', url: 'https://status.example.com' })
  })
})
