// When an incident applies, and whether it is maintenance rather than an outage.
import { DAY } from '../time.ts'

export interface TimeSpan {
  beganAt: string
  endedAt: string | null
}

export interface Impact {
  severity: number
}

export interface ImpactedIncident extends TimeSpan {
  affects: readonly Impact[]
}

// The span is half-open: at the instant an incident ends it no longer applies.
export function isActiveAt(incident: TimeSpan, at: Date): boolean {
  const t = at.getTime()
  return Date.parse(incident.beganAt) <= t
    && (incident.endedAt === null || Date.parse(incident.endedAt) > t)
}

// An incident without impacts affects nothing, so it is not maintenance either.
export function isMaintenance(incident: { affects: readonly Impact[] }): boolean {
  return incident.affects.length > 0 && incident.affects.every(impact => impact.severity === 0)
}

export function isScheduledMaintenance(incident: ImpactedIncident, now: Date): boolean {
  return isMaintenance(incident) && Date.parse(incident.beganAt) > now.getTime()
}

// Maintenance that begins after now and at most withinDays * 24h later, soonest first.
export function upcomingMaintenance<T extends ImpactedIncident>(incidents: readonly T[], now: Date, withinDays: number): T[] {
  const from = now.getTime()
  const until = from + withinDays * DAY
  return incidents
    .filter(incident => isMaintenance(incident))
    .map(incident => ({ incident, start: Date.parse(incident.beganAt) }))
    .filter(({ start }) => start > from && start <= until)
    .sort((a, b) => a.start - b.start)
    .map(({ incident }) => incident)
}
