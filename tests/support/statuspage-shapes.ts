// Atlassian Statuspage's public API v2 response shapes, written field by field from its
// documentation (the API page every Statuspage page serves, e.g. <page>/api): field names,
// nesting, types, enums and ISO 8601 times. Strict: a field Statuspage does not document fails.
import { z } from 'zod'

const Time = z.iso.datetime({ offset: true })
const NullableTime = Time.nullable()
const Id = z.string().min(1)

export const Page = z.strictObject({
  id: Id,
  name: z.string(),
  url: z.url(),
  time_zone: z.string(),
  updated_at: Time,
})

export const Status = z.strictObject({
  indicator: z.enum(['none', 'minor', 'major', 'critical']),
  description: z.string(),
})

export const Component = z.strictObject({
  id: Id,
  name: z.string(),
  status: z.enum(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']),
  created_at: Time,
  updated_at: Time,
  position: z.int().min(1),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.string().nullable(),
  group_id: Id.nullable(),
  page_id: Id,
  group: z.boolean(),
  only_show_if_degraded: z.boolean(),
  /** Groups only: the ids of their members. */
  components: z.array(Id).optional(),
})

const IncidentUpdate = (statuses: readonly [string, ...string[]]) => z.strictObject({
  id: Id,
  status: z.enum(statuses),
  body: z.string(),
  incident_id: Id,
  created_at: Time,
  updated_at: Time,
  display_at: Time,
})

const incidentFields = {
  id: Id,
  name: z.string(),
  created_at: Time,
  updated_at: Time,
  monitoring_at: NullableTime,
  resolved_at: NullableTime,
  shortlink: z.url(),
  started_at: Time,
  page_id: Id,
  components: z.array(Component),
}

const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'] as const
export const Incident = z.strictObject({
  ...incidentFields,
  status: z.enum(incidentStatuses),
  impact: z.enum(['none', 'minor', 'major', 'critical']),
  incident_updates: z.array(IncidentUpdate(incidentStatuses)),
})

const maintenanceStatuses = ['scheduled', 'in_progress', 'verifying', 'completed'] as const
export const ScheduledMaintenance = z.strictObject({
  ...incidentFields,
  status: z.enum(maintenanceStatuses),
  impact: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
  incident_updates: z.array(IncidentUpdate(maintenanceStatuses)),
  scheduled_for: Time,
  scheduled_until: Time,
})

export const Summary = z.strictObject({
  page: Page,
  components: z.array(Component),
  incidents: z.array(Incident),
  scheduled_maintenances: z.array(ScheduledMaintenance),
  status: Status,
})

export const StatusResponse = z.strictObject({ page: Page, status: Status })
export const ComponentsResponse = z.strictObject({ page: Page, components: z.array(Component) })
export const IncidentsResponse = z.strictObject({ page: Page, incidents: z.array(Incident) })
export const MaintenancesResponse = z.strictObject({ page: Page, scheduled_maintenances: z.array(ScheduledMaintenance) })
