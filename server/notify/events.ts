// Recording events in the outbox (the notification_events table), inside the transaction of the
// write that causes them: a write that rolls back leaves no event, and one that commits leaves
// exactly one, which the relay (relay.ts) turns into deliveries.
import type { Queryable } from '../../db/client.ts'
import { notificationEvents } from '../../db/schema.ts'
import type { ComponentData, IncidentData, IncidentUpdateData } from '../../openapi/schemas.ts'
import type { EventKind } from '../../shared/events.ts'
import { componentsWithIds } from '../services/components.ts'
import { eventOf } from './event-kinds.ts'

/** What every delivery of an event carries: the incident and its components as the API shows them. */
export interface EventPayload extends Record<string, unknown> {
  incident: IncidentData
  components: ComponentData[]
  /** The update that was posted or changed, for events that come from one. */
  update?: IncidentUpdateData
}

export async function recordEvent(db: Queryable, kind: EventKind, incident: IncidentData, update?: IncidentUpdateData) {
  const components = await componentsWithIds(db, [...new Set(incident.affects.map(impact => impact.reference))])
  const payload: EventPayload = { incident, components, ...(update && { update }) }
  await db.insert(notificationEvents).values({ kind, incidentId: incident.id, payload })
}

/** Records the event of a write to an incident, if it is one (event-kinds.ts). */
export async function recordIncidentChange(db: Queryable, before: IncidentData | undefined, after: IncidentData | undefined, update?: IncidentUpdateData) {
  const kind = eventOf(before, after, new Date())
  if (kind) await recordEvent(db, kind, (after ?? before)!, update)
}
