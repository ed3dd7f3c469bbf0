// Maintenance as an iCalendar feed (RFC 5545), built with ical-generator: one VEVENT per
// maintenance of the last 90 days and the future. The UID is the incident's id, SEQUENCE its
// revision (raised by every change), and deleted maintenance stays listed as STATUS:CANCELLED,
// so subscribed calendars drop it rather than keep a window that will not happen.
import ical, { ICalEventStatus } from 'ical-generator'
import type { Queryable } from '../../db/client.ts'
import { isMaintenance } from '../../shared/status/incident.ts'
import { FEED_DAYS } from './feeds.ts'
import { filteredComponentIds, type PublicFilterParams } from './public-filter.ts'
import { listCancelledMaintenance, listPublicIncidents, type PublicIncident } from './public-incidents.ts'
import { getSettings } from './settings.ts'

const DAY_MS = 24 * 60 * 60 * 1000

function eventDescription(incident: PublicIncident): string {
  const lines = [`Affected: ${incident.affects.map(impact => impact.componentName).join(', ')}`]
  if (incident.description) lines.push('', incident.description)
  for (const update of incident.updates) {
    lines.push('', `${update.createdAt.toISOString()}: ${update.displayName}`, ...(update.description ? [update.description] : []))
  }
  return lines.join('\n')
}

export async function buildMaintenanceCalendar(db: Queryable, filter: PublicFilterParams, origin: string, now = new Date()): Promise<{ text: string, updated: Date }> {
  const componentIds = await filteredComponentIds(db, filter)
  const since = new Date(now.getTime() - FEED_DAYS * DAY_MS)
  const [settings, incidents, cancelled] = await Promise.all([
    getSettings(db),
    listPublicIncidents(db, since, componentIds),
    listCancelledMaintenance(db, since, componentIds),
  ])
  const calendar = ical({
    name: `${settings.title}: maintenance`,
    prodId: { company: 'SCS status page', product: 'maintenance calendar', language: 'EN' },
    url: `${origin}/maintenance.ics`,
  })
  let updated = new Date(0)
  const changed = (at: Date) => (updated = at > updated ? at : updated)
  for (const incident of incidents) {
    // Maintenance always has an end (the API requires one).
    if (!isMaintenance(incident) || !incident.endedAt) continue
    calendar.createEvent({
      id: incident.id,
      sequence: incident.revision,
      // DTSTAMP is the event's last change, not the time of the request, so an unchanged
      // calendar stays byte for byte the same and keeps its ETag.
      stamp: changed(incident.changedAt),
      lastModified: incident.changedAt,
      start: incident.beganAt,
      end: incident.endedAt,
      summary: incident.displayName,
      description: eventDescription(incident),
      url: `${origin}/incidents/${incident.id}`,
      status: ICalEventStatus.CONFIRMED,
    })
  }
  for (const maintenance of cancelled) {
    calendar.createEvent({
      id: maintenance.id,
      sequence: maintenance.revision,
      stamp: changed(maintenance.cancelledAt),
      lastModified: maintenance.cancelledAt,
      start: maintenance.beganAt,
      end: maintenance.endedAt,
      summary: maintenance.displayName,
      description: maintenance.description,
      status: ICalEventStatus.CANCELLED,
    })
  }
  return { text: calendar.toString(), updated }
}
