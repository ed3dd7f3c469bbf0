// The public formats beside the SCS API, anonymous reads served from the cache: Statuspage's
// public API v2 below /api/v2, and the feeds and the maintenance calendar at the site's root.
import { defineOperations, problem, queryParameter } from '../operation.ts'
import { PublicFilterQuery } from '../schemas.ts'

const notModified = { 304: { description: 'Not modified since the `ETag` (or `Last-Modified`) the client holds.' } }

/** A Statuspage read: JSON whose top level holds these fields. */
const statuspage = <P extends string>(path: P, summary: string, fields: string[]) => ({
  method: 'get' as const, path, tags: ['statuspage'], access: 'anyone' as const, summary,
  responses: {
    200: {
      description: `Statuspage's public API v2 shape: ${fields.map(field => `\`${field}\``).join(', ')}.`,
      content: { 'application/json': { schema: { type: 'object', required: fields, properties: Object.fromEntries(fields.map(field => [field, {}])) } } },
    },
    ...notModified,
  },
})

const filters = {
  schema: PublicFilterQuery,
  parameters: [
    queryParameter('component', { type: 'string', format: 'uuid' }, 'Only what affects this component (its id).'),
    queryParameter('label', { type: 'string', pattern: '^[^:]+:.+$' }, 'Only what affects components with this label, as `<key>:<value>`.'),
  ],
}

/** A feed or calendar at the site's root, narrowed by the filters; `type` is its media type. */
const filteredDocument = <P extends string>(path: P, summary: string, type: string) => ({
  method: 'get' as const, path, servers: [{ url: '/' }], tags: ['public'], access: 'anyone' as const, summary, query: filters,
  responses: {
    200: { description: summary, content: { [type]: { schema: { type: 'string' } } } },
    ...notModified,
    400: problem('A filter is malformed or names no component.'),
  },
})

export const statuspageOperations = defineOperations({
  getStatuspageSummary: statuspage('/v2/summary.json', 'Page, components, unresolved incidents, upcoming and active maintenance, and the overall status.', ['page', 'components', 'incidents', 'scheduled_maintenances', 'status']),
  getStatuspageStatus: statuspage('/v2/status.json', 'The overall status indicator.', ['page', 'status']),
  getStatuspageComponents: statuspage('/v2/components.json', 'Components and component groups (by the first grouping label).', ['page', 'components']),
  getStatuspageIncidents: statuspage('/v2/incidents.json', 'The 50 most recent incidents of the last 90 days.', ['page', 'incidents']),
  getStatuspageUnresolvedIncidents: statuspage('/v2/incidents/unresolved.json', 'Incidents not yet resolved.', ['page', 'incidents']),
  getStatuspageMaintenances: statuspage('/v2/scheduled-maintenances.json', 'The 50 most recent maintenances of the last 90 days and the future.', ['page', 'scheduled_maintenances']),
  getStatuspageUpcomingMaintenances: statuspage('/v2/scheduled-maintenances/upcoming.json', 'Maintenance that has not begun.', ['page', 'scheduled_maintenances']),
  getStatuspageActiveMaintenances: statuspage('/v2/scheduled-maintenances/active.json', 'Maintenance in progress.', ['page', 'scheduled_maintenances']),
})

export const publicDocumentOperations = defineOperations({
  getRssFeed: filteredDocument('/feed.rss', 'RSS 2.0: incidents and maintenance of the last 90 days, one entry per incident, newest change first.', 'application/rss+xml'),
  getAtomFeed: filteredDocument('/feed.atom', 'Atom 1.0: the same entries as the RSS feed.', 'application/atom+xml'),
  getMaintenanceCalendar: filteredDocument('/maintenance.ics', 'iCalendar (RFC 5545): one VEVENT per maintenance; deleted maintenance as STATUS:CANCELLED.', 'text/calendar'),
})
