// The data behind the Statuspage-compatible reads under /api/v2: our components, incidents and
// maintenance in the field names, nesting, enums and time format of Statuspage's public API v2,
// so that clients written for a Statuspage page work against ours. Components are grouped, as
// Statuspage component groups, by the first grouping label of the settings.
import { createHash } from 'node:crypto'
import { asc } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { components as componentsTable } from '../../db/schema.ts'
import type { SettingsData } from '../../openapi/schemas.ts'
import { groupByLabels } from '../../shared/status/groups.ts'
import { isActiveAt, isMaintenance } from '../../shared/status/incident.ts'
import { worstSeverity, type Severity } from '../../shared/status/severity.ts'
import { componentStatus, defaultThresholds, indicatorFor, pageStatus, statusRank, type StatusThresholds } from '../../shared/status/statuspage.ts'
import { entryDate, FEED_DAYS } from './feeds.ts'
import { listPublicIncidents, type PublicIncident } from './public-incidents.ts'
import { getSettings } from './settings.ts'
import { listSeverities } from './severities.ts'

const DAY_MS = 24 * 60 * 60 * 1000
/** Statuspage lists at most this many incidents and maintenances. */
const LIST_LIMIT = 50

export interface StoredComponent {
  id: string
  displayName: string
  labels: Record<string, string>
  createdAt: Date
  updatedAt: Date
}

export interface StatuspageInput {
  settings: SettingsData
  severities: Severity[]
  components: StoredComponent[]
  /** Incidents of the last 90 days and the future, newest first. */
  incidents: PublicIncident[]
}

const iso = (at: Date) => at.toISOString()
const latest = (dates: Date[]) => new Date(Math.max(...dates.map(at => at.getTime())))
const groupId = (label: string, value: string) => createHash('sha256').update(`${label}\0${value}`).digest('hex').slice(0, 12)

/** Everything the eight endpoints show; each picks its part. */
export function buildStatuspage({ settings, severities, components, incidents }: StatuspageInput, origin: string, now: Date) {
  const thresholds: StatusThresholds = settings.statuspageStatuses ?? defaultThresholds(severities)
  const pageId = createHash('sha256').update(origin).digest('hex').slice(0, 12)

  // The worst active impact on each component, and when anything about it last changed.
  const worst = new Map<string, number>()
  const touched = new Map<string, Date>()
  for (const incident of incidents) {
    const active = isActiveAt({ beganAt: iso(incident.beganAt), endedAt: incident.endedAt && iso(incident.endedAt) }, now)
    for (const impact of incident.affects) {
      if (active) worst.set(impact.componentId, Math.max(worst.get(impact.componentId) ?? -1, impact.severity))
      touched.set(impact.componentId, latest([touched.get(impact.componentId) ?? new Date(0), entryDate(incident, now)]))
    }
  }

  const base = { description: null, showcase: true, start_date: null, page_id: pageId, only_show_if_degraded: false }
  const componentObject = (component: StoredComponent, groupIdOf: string | null) => ({
    id: component.id,
    name: component.displayName,
    status: componentStatus(worst.get(component.id), thresholds),
    created_at: iso(component.createdAt),
    updated_at: iso(latest([component.updatedAt, touched.get(component.id) ?? new Date(0)])),
    ...base,
    group_id: groupIdOf,
    group: false,
  })
  const objects: Array<ReturnType<typeof componentObject> & { components?: string[] }> = []
  const grouping = groupByLabels(components, settings.groupBy.slice(0, 1))
  for (const group of grouping.groups) {
    const members = group.components
    // The components without the label stand alone.
    if (group.value === undefined) {
      objects.push(...members.map(member => componentObject(member, null)))
      continue
    }
    const id = groupId(group.label, group.value)
    const memberObjects = members.map(member => componentObject(member, id))
    const worstMember = memberObjects.reduce((a, b) => statusRank(b.status) > statusRank(a.status) ? b : a)
    objects.push({
      id,
      name: group.value,
      status: worstMember.status,
      created_at: iso(new Date(Math.min(...members.map(member => member.createdAt.getTime())))),
      updated_at: latest(memberObjects.map(member => new Date(member.updated_at))).toISOString(),
      ...base,
      group_id: null,
      group: true,
      components: members.map(member => member.id),
    }, ...memberObjects)
  }
  objects.push(...grouping.components.map(component => componentObject(component, null)))
  const componentList = objects.map((object, index) => ({ ...object, position: index + 1 }))
  const componentById = new Map(componentList.map(object => [object.id, object]))

  const incidentObject = (incident: PublicIncident) => {
    const maintenance = isMaintenance(incident)
    const statusAt = (at: Date) => maintenance
      ? at < incident.beganAt ? 'scheduled' : incident.endedAt && at >= incident.endedAt ? 'completed' : 'in_progress'
      : incident.endedAt && at >= incident.endedAt ? 'resolved' : 'investigating'
    return {
      id: incident.id,
      name: incident.displayName,
      status: statusAt(now),
      created_at: iso(incident.beganAt),
      updated_at: iso(entryDate(incident, now)),
      monitoring_at: null,
      resolved_at: incident.endedAt && incident.endedAt <= now ? iso(incident.endedAt) : null,
      impact: maintenance ? 'maintenance' : indicatorFor(worstSeverity(incident.affects.map(impact => impact.severity)), thresholds),
      shortlink: `${origin}/incidents/${incident.id}`,
      started_at: iso(incident.beganAt),
      page_id: pageId,
      incident_updates: incident.updates.map(update => ({
        id: `${incident.id}-${update.order}`,
        status: statusAt(update.createdAt),
        body: update.description ? `${update.displayName}\n\n${update.description}` : update.displayName,
        incident_id: incident.id,
        created_at: iso(update.createdAt),
        updated_at: iso(update.createdAt),
        display_at: iso(update.createdAt),
      })),
      components: [...new Set(incident.affects.map(impact => impact.componentId))].map(id => componentById.get(id)!).filter(Boolean),
      ...(maintenance && { scheduled_for: iso(incident.beganAt), scheduled_until: iso(incident.endedAt!) }),
    }
  }
  const incidentList = incidents.filter(incident => !isMaintenance(incident)).map(incidentObject)
  const maintenanceList = incidents.filter(incident => isMaintenance(incident) && incident.endedAt).map(incidentObject)

  const activeValues = [...worst.values()]
  const updatedAt = latest([new Date(0), ...componentList.map(c => new Date(c.updated_at)), ...incidents.map(incident => entryDate(incident, now))])
  return {
    page: { id: pageId, name: settings.title, url: origin, time_zone: 'Etc/UTC', updated_at: iso(updatedAt) },
    status: pageStatus(worstSeverity(activeValues), thresholds),
    components: componentList,
    incidents: incidentList.slice(0, LIST_LIMIT),
    unresolvedIncidents: incidentList.filter(incident => incident.status !== 'resolved'),
    scheduledMaintenances: maintenanceList.slice(0, LIST_LIMIT),
    upcomingMaintenances: maintenanceList.filter(m => m.status === 'scheduled'),
    activeMaintenances: maintenanceList.filter(m => m.status === 'in_progress'),
  }
}

export type Statuspage = ReturnType<typeof buildStatuspage>

export async function loadStatuspage(db: Queryable, origin: string, now = new Date()): Promise<Statuspage> {
  const [settings, severities, components, incidents] = await Promise.all([
    getSettings(db),
    listSeverities(db),
    db.select().from(componentsTable).orderBy(asc(componentsTable.displayName), asc(componentsTable.id)),
    listPublicIncidents(db, new Date(now.getTime() - FEED_DAYS * DAY_MS)),
  ])
  return buildStatuspage({ settings, severities, components, incidents }, origin, now)
}
