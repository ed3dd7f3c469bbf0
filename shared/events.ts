// What subscribers and webhook receivers hear of. An incident's change is one of these, chosen by
// eventOf (server/notify/event-kinds.ts); maintenance start and end come from the clock.
export const EVENT_KINDS = [
  'incident.opened',
  'incident.updated',
  'incident.resolved',
  'incident.reopened',
  'maintenance.scheduled',
  'maintenance.changed',
  'maintenance.cancelled',
  'maintenance.started',
  'maintenance.ended',
] as const

export type EventKind = typeof EVENT_KINDS[number]

/** What a receiver gets when an admin asks for a test delivery; never sent otherwise. */
export const TEST_EVENT = 'webhook.test'
