// The public formats beside the SCS API: Statuspage-compatible JSON below /api/v2, and the feeds,
// the maintenance calendar, the badges and the embeddable status at the site's root.
type Json = Record<string, unknown>

const filters = [
  { name: 'component', in: 'query', required: false, description: 'Only what affects this component (its id).', schema: { type: 'string', format: 'uuid' } },
  { name: 'label', in: 'query', required: false, description: 'Only what affects components with this label, as `<key>:<value>`.', schema: { type: 'string', pattern: '^[^:]+:.+$' } },
]
const problem = { description: 'A filter is malformed or names no component.', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } } }
const notModified = { 304: { description: 'Not modified since the `ETag` (or `Last-Modified`) the client holds.' } }

const statuspage = (path: string, operationId: string, summary: string, fields: string[]): [string, Json] => [path, {
  get: {
    operationId, tags: ['statuspage'], summary,
    responses: {
      200: {
        description: `Statuspage's public API v2 shape: ${fields.map(field => `\`${field}\``).join(', ')}.`,
        content: { 'application/json': { schema: { type: 'object', required: fields, properties: Object.fromEntries(fields.map(field => [field, {}])) } } },
      },
      ...notModified,
    },
  },
}]

export const statuspagePaths: Record<string, Json> = Object.fromEntries([
  statuspage('/v2/summary.json', 'getStatuspageSummary', 'Page, components, unresolved incidents, upcoming and active maintenance, and the overall status.', ['page', 'components', 'incidents', 'scheduled_maintenances', 'status']),
  statuspage('/v2/status.json', 'getStatuspageStatus', 'The overall status indicator.', ['page', 'status']),
  statuspage('/v2/components.json', 'getStatuspageComponents', 'Components and component groups (by the first grouping label).', ['page', 'components']),
  statuspage('/v2/incidents.json', 'getStatuspageIncidents', 'The 50 most recent incidents of the last 90 days.', ['page', 'incidents']),
  statuspage('/v2/incidents/unresolved.json', 'getStatuspageUnresolvedIncidents', 'Incidents not yet resolved.', ['page', 'incidents']),
  statuspage('/v2/scheduled-maintenances.json', 'getStatuspageMaintenances', 'The 50 most recent maintenances of the last 90 days and the future.', ['page', 'scheduled_maintenances']),
  statuspage('/v2/scheduled-maintenances/upcoming.json', 'getStatuspageUpcomingMaintenances', 'Maintenance that has not begun.', ['page', 'scheduled_maintenances']),
  statuspage('/v2/scheduled-maintenances/active.json', 'getStatuspageActiveMaintenances', 'Maintenance in progress.', ['page', 'scheduled_maintenances']),
])

const document = (operationId: string, summary: string, type: string, parameters: Json[] = filters, extra: Json = {}): Json => ({
  servers: [{ url: '/' }],
  get: {
    operationId, tags: ['public'], summary, parameters,
    responses: { 200: { description: summary, content: { [type]: { schema: { type: 'string' } } } }, ...notModified, 400: problem, ...extra },
  },
})

export const publicDocumentPaths: Record<string, Json> = {
  '/feed.rss': document('getRssFeed', 'RSS 2.0: incidents and maintenance of the last 90 days, one entry per incident, newest change first.', 'application/rss+xml'),
  '/feed.atom': document('getAtomFeed', 'Atom 1.0: the same entries as the RSS feed.', 'application/atom+xml'),
  '/maintenance.ics': document('getMaintenanceCalendar', 'iCalendar (RFC 5545): one VEVENT per maintenance; deleted maintenance as STATUS:CANCELLED.', 'text/calendar'),
}
