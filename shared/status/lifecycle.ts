// Where an incident stands at a point in time; the dictionaries' `incident` section names each state.
import type { TimeSpan } from './incident.ts'

export type IncidentState = 'scheduled' | 'ongoing' | 'resolved'

export function incidentState(incident: TimeSpan, now = Date.now()): IncidentState {
  if (Date.parse(incident.beganAt) > now) return 'scheduled'
  return incident.endedAt !== null && Date.parse(incident.endedAt) <= now ? 'resolved' : 'ongoing'
}
