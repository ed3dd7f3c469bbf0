// Which event a write to an incident is, from the incident before and after it. Pure, so that
// every rule is tested on its own (tests/unit/event-kinds.test.ts).
import type { EventKind } from '../../shared/events.ts'
import { isMaintenance, type ImpactedIncident } from '../../shared/status/incident.ts'

/**
 * The event of a write: `before` is undefined for a new incident, `after` for a deleted one.
 * Every write that subscribers could see is an event (nothing is folded); deleting an incident
 * that is not maintenance is not one, since it takes back what was announced rather than
 * changing it.
 */
export function eventOf(before: ImpactedIncident | undefined, after: ImpactedIncident | undefined, now: Date): EventKind | undefined {
  const incident = after ?? before
  if (!incident) return undefined
  if (isMaintenance(incident)) {
    if (!before) return 'maintenance.scheduled'
    if (!after) return Date.parse(before.endedAt ?? '') > now.getTime() ? 'maintenance.cancelled' : undefined
    return 'maintenance.changed'
  }
  if (!after) return undefined
  if (!before) return 'incident.opened'
  if (before.endedAt === null && after.endedAt !== null) return 'incident.resolved'
  if (before.endedAt !== null && after.endedAt === null) return 'incident.reopened'
  return 'incident.updated'
}
