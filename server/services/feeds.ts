// The RSS 2.0 and Atom 1.0 feeds: one entry per incident or maintenance of the last 90 days,
// newest change first, whose content is its current state and all its updates. Built with the
// `feed` library, which writes both formats from the same items.
import { Feed } from 'feed'
import type { Queryable } from '../../db/client.ts'
import { isMaintenance } from '../../shared/status/incident.ts'
import { severityFor, type Severity } from '../../shared/status/severity.ts'
import { filteredComponentIds, type PublicFilterParams } from './public-filter.ts'
import { listPublicIncidents, type PublicIncident } from './public-incidents.ts'
import { getSettings } from './settings.ts'
import { listSeverities } from './severities.ts'

export const FEED_DAYS = 90
const DAY_MS = 24 * 60 * 60 * 1000

export type EntryKind = 'opened' | 'updated' | 'resolved' | 'maintenance-planned' | 'maintenance-active' | 'maintenance-done'

const kindLabels: Record<EntryKind, string> = {
  'opened': 'Incident',
  'updated': 'Incident update',
  'resolved': 'Resolved',
  'maintenance-planned': 'Maintenance planned',
  'maintenance-active': 'Maintenance in progress',
  'maintenance-done': 'Maintenance completed',
}

/** Where an incident stands at `now`, as its entry is titled. */
export function entryKind(incident: PublicIncident, now: Date): EntryKind {
  const begun = incident.beganAt <= now
  const ended = incident.endedAt !== null && incident.endedAt <= now
  if (isMaintenance(incident)) return !begun ? 'maintenance-planned' : ended ? 'maintenance-done' : 'maintenance-active'
  if (ended) return 'resolved'
  return incident.updates.length > 0 ? 'updated' : 'opened'
}

/**
 * When the entry last changed: the last write to the incident or its updates, or the moment it
 * began or ended, which nobody writes at (maintenance starts and ends by the clock).
 */
export function entryDate(incident: PublicIncident, now: Date): Date {
  const moments = [incident.changedAt, incident.beganAt, incident.endedAt, ...incident.updates.map(update => update.createdAt)]
  return new Date(Math.max(...moments.filter(at => at !== null && at <= now).map(at => at!.getTime())))
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`

function impactWords(severity: number, severities: readonly Severity[]): string {
  if (severity === 0) return 'maintenance'
  return severityFor(severity, severities)?.displayName ?? `severity ${severity}`
}

/** The entry's HTML: state and times, affected components, description, then every update, newest first. */
function entryContent(incident: PublicIncident, kind: EntryKind, severities: readonly Severity[]): string {
  const times = [`from ${utc(incident.beganAt)}`, ...(incident.endedAt ? [`until ${utc(incident.endedAt)}`] : [])].join(' ')
  const parts = [`<p><strong>${kindLabels[kind]}</strong>, ${times}</p>`]
  if (incident.affects.length > 0) {
    const affected = incident.affects.map(impact => `<li>${escapeHtml(impact.componentName)}: ${escapeHtml(impactWords(impact.severity, severities))}</li>`)
    parts.push(`<p>Affected components:</p><ul>${affected.join('')}</ul>`)
  }
  if (incident.description) parts.push(`<p>${escapeHtml(incident.description)}</p>`)
  for (const update of incident.updates) {
    parts.push(`<h3>${escapeHtml(update.displayName)}</h3><p><time datetime="${update.createdAt.toISOString()}">${utc(update.createdAt)}</time></p>`)
    if (update.description) parts.push(`<p>${escapeHtml(update.description)}</p>`)
  }
  return parts.join('\n')
}

export interface BuiltFeed {
  feed: Feed
  /** The newest entry's date; the feed's Last-Modified. */
  updated: Date
}

/** The feed for `origin` (its links are absolute), narrowed by the filter. */
export async function buildFeed(db: Queryable, filter: PublicFilterParams, origin: string, now = new Date()): Promise<BuiltFeed> {
  const componentIds = await filteredComponentIds(db, filter)
  const [settings, severities, incidents] = await Promise.all([
    getSettings(db),
    listSeverities(db),
    listPublicIncidents(db, new Date(now.getTime() - FEED_DAYS * DAY_MS), componentIds),
  ])
  const entries = incidents.map(incident => ({ incident, kind: entryKind(incident, now), date: entryDate(incident, now) }))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.incident.id.localeCompare(b.incident.id))
  // An empty feed has never changed as far as its readers can tell.
  const updated = entries[0]?.date ?? new Date(0)
  const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value !== undefined)).toString()
  const suffix = query ? `?${query}` : ''
  const feed = new Feed({
    title: settings.title,
    description: `Incidents and maintenance of the last ${FEED_DAYS} days`,
    id: `${origin}/`,
    link: `${origin}/`,
    language: 'en',
    updated,
    generator: settings.title,
    feedLinks: { rss: `${origin}/feed.rss${suffix}`, atom: `${origin}/feed.atom${suffix}` },
  })
  for (const { incident, kind, date } of entries) {
    feed.addItem({
      title: `${kindLabels[kind]}: ${incident.displayName}`,
      id: `urn:uuid:${incident.id}`,
      link: `${origin}/incidents/${incident.id}`,
      date,
      content: entryContent(incident, kind, severities),
      category: [{ name: kind, term: kind }],
    })
  }
  return { feed, updated }
}
