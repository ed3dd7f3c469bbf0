// The API's schemas: the single source of request validation, TypeScript types and the OpenAPI
// document (openapi/document.ts). Names with an `id` in `.meta()` become components/schemas
// entries, named as in SCS status page API 1.1.2 where SCS has them.
import { z } from 'zod'

export const named = <T extends z.ZodType>(id: string, description: string, schema: T) => schema.meta({ id, description })

export const Id = named('Id', 'Identification for objects, a UUID.', z.uuid())
// Orders and generations are 32-bit integers in the database: a larger number names nothing and
// must be refused as invalid, not reach a query and fail there.
const MAX_INCREMENTAL = 2_147_483_647
export const Incremental = named('Incremental', 'Positive and incrementing number for ordering and identification of sub resources.', z.int().min(0).max(MAX_INCREMENTAL))
export const DisplayName = named('DisplayName', 'Short and describing name.', z.string().trim().min(1).max(200))
export const Description = named('Description', 'A longer text with detailed information.', z.string().max(20_000))
// RFC 3339 has four-digit years; PostgreSQL stores all of them, but year 0000 is 1 BC to it and
// JavaScript, so instants from 0001-01-01 to 9999-12-31 (UTC) are accepted and others refused.
const EARLIEST = Date.parse('0001-01-01T00:00:00Z')
const LATEST = Date.parse('9999-12-31T23:59:59.999Z')
export const Instant = z.iso.datetime({ offset: true })
  .refine(value => Date.parse(value) >= EARLIEST && Date.parse(value) <= LATEST, 'must lie in the years 0001 to 9999 (UTC)')
export const DateTime = named('Date', 'Point in time (RFC 3339). Nullable for open end timeframes.', Instant.nullable())
export const SeverityValue = named('SeverityValue', 'The severity of an impact affecting a component, 0 (maintenance) to 100.', z.int().min(0).max(100))
// zod skips a record key `__proto__` (assigning it would set the prototype), so that key passes
// the check under a stand-in and comes back as an own property. NUL never comes from a request.
const PROTO_STAND_IN = '\u0000__proto__'
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const renameKey = (from: string, to: string) => (value: unknown) => isRecord(value) && Object.hasOwn(value, from)
  ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key === from ? to : key, item]))
  : value
export const Labels = named('Labels', 'Labels are free text key value pairs for components.', z.record(z.string().min(1).max(100), z.string().max(200)))
const LabelsInput = z.preprocess(renameKey('__proto__', PROTO_STAND_IN), Labels)
  .transform(renameKey(PROTO_STAND_IN, '__proto__') as (labels: Record<string, string>) => Record<string, string>)
export const Phase = named('Phase', 'A single phase is just its name. It is referenced by its generation and order.', z.string().trim().min(1).max(200))

export const IdField = named('IdField', 'Id field for responses.', z.strictObject({ id: Id }))
export const Generation = named('Generation', 'Incremental as generation field for responses.', z.strictObject({ generation: Incremental }))
export const Order = named('Order', 'Incremental as order field for responses.', z.strictObject({ order: Incremental }))

export const PhaseReference = named('PhaseReference', 'To reference a phase, its generation and order are needed.', z.strictObject({
  generation: Incremental,
  order: Incremental,
}))

export const Impact = named('Impact', 'An impact connects a component and an incident with an impact type.', z.strictObject({
  type: Id,
  reference: Id,
  severity: SeverityValue,
}))

// Responses. Absent values are omitted; only the dates may be null, as SCS says.

export const ImpactTypeResponseData = named('ImpactTypeResponseData', 'An impact type.', z.strictObject({
  id: Id,
  displayName: DisplayName,
  description: Description.optional(),
}))

export const Severity = named('Severity', 'A severity has an identifying name and a numeric value.', z.strictObject({
  displayName: DisplayName,
  value: SeverityValue,
}))

export const PhaseListResponseData = named('PhaseListResponseData', 'One generation of the phase list.', z.strictObject({
  generation: Incremental,
  phases: z.array(Phase),
}))

export const ComponentResponseData = named('ComponentResponseData', 'A component; `activelyAffectedBy` lists impacts whose `reference` is an incident.', z.strictObject({
  id: Id,
  displayName: DisplayName,
  labels: Labels,
  activelyAffectedBy: z.array(Impact),
}))

export const IncidentResponseData = named('IncidentResponseData', 'An incident; `affects` lists impacts whose `reference` is a component.', z.strictObject({
  id: Id,
  displayName: DisplayName,
  description: Description.optional(),
  beganAt: Instant,
  endedAt: DateTime,
  phase: PhaseReference.optional(),
  updates: z.array(Incremental),
  affects: z.array(Impact),
}))

export const IncidentUpdateResponseData = named('IncidentUpdateResponseData', 'An update to an incident, identified by its order.', z.strictObject({
  order: Incremental,
  displayName: DisplayName,
  description: Description.optional(),
  createdAt: Instant,
}))

// Requests. Read-only fields that clients echo back from a GET (`id`, `updates`,
// `activelyAffectedBy`, `order`) are accepted and ignored; any other unknown field is an error,
// so a misspelt field is reported instead of silently dropped.
const readOnly = <T extends z.ZodType>(schema: T) => schema.optional().meta({ readOnly: true })

export const PhaseList = named('PhaseList', 'A new phase list; it becomes the next generation.', z.strictObject({
  phases: z.array(Phase).min(1).refine(phases => new Set(phases).size === phases.length, 'phase names must be unique'),
}))

export const ImpactTypeRequest = named('ImpactTypeRequest', 'An impact type to create; PATCH takes any subset.', z.strictObject({
  id: readOnly(Id),
  displayName: DisplayName,
  description: Description.optional(),
}))

export const SeverityRequest = named('SeverityRequest', 'A severity to create; PATCH takes any subset.', Severity)

export const ComponentRequest = named('ComponentRequest', 'A component to create; PATCH takes any subset.', z.strictObject({
  id: readOnly(Id),
  displayName: DisplayName,
  labels: LabelsInput.optional(),
  activelyAffectedBy: readOnly(z.array(z.unknown())),
}))

export const IncidentRequest = named('IncidentRequest', 'An incident to create; PATCH takes any subset, and `affects` in a PATCH replaces all impacts. `beganAt` absent or null is now on create and unchanged on PATCH; `endedAt` null leaves the incident open.', z.strictObject({
  id: readOnly(Id),
  displayName: DisplayName,
  description: Description.optional(),
  beganAt: DateTime.optional(),
  endedAt: DateTime.optional(),
  phase: PhaseReference.optional(),
  affects: z.array(Impact).optional(),
  updates: readOnly(z.array(z.unknown())),
}))

export const IncidentUpdateRequest = named('IncidentUpdateRequest', 'An update to post; PATCH takes any subset. `createdAt` absent or null is now on create and unchanged on PATCH.', z.strictObject({
  order: readOnly(Incremental),
  displayName: DisplayName,
  description: Description.optional(),
  createdAt: DateTime.optional(),
}))

// Settings of the public page, an extension of SCS: operators change them at run time.

const LabelName = z.string().min(1).max(100)
// Browsers read a backslash as a slash and drop tabs and newlines, so `/\evil.example` or
// `/\t/evil.example` would lead to another site: such characters are refused outright, and a path
// must still name this site once a browser has resolved it.
const hasTrap = (url: string) => [...url].some(char => char === '\\' || char <= ' ' || (char >= '\u007f' && char <= '\u009f'))
const PROBE_ORIGIN = 'https://status-page.invalid'
const staysOnSite = (url: string) => !url.startsWith('/') || new URL(url, PROBE_ORIGIN).origin === PROBE_ORIGIN
const safeUrl = (max: number) => z.string().trim().max(max)
  .refine(url => !hasTrap(url), 'must not contain backslashes, spaces or control characters')
  .refine(staysOnSite, 'a path must stay on this site')
const LinkUrl = safeUrl(2000)
  .regex(/^(https?:\/\/|mailto:|\/(?!\/))/, 'must be an http(s) or mailto: URL, or a path on this site')
// Every visitor loads the logo, and the page loads nothing from another origin: a path on this
// site (a reverse proxy may serve it) or an inline image.
const LogoUrl = safeUrl(200_000)
  .regex(/^(\/(?!\/)|data:image\/(png|jpeg|gif|webp|svg\+xml);base64,)/, 'must be a path on this site or a data:image/…;base64 URI')

export const FooterLink = named('FooterLink', 'A link in the footer of the public page.', z.strictObject({
  label: z.string().trim().min(1).max(100),
  url: LinkUrl,
}))

const ImpactValue = z.int().min(1).max(100)
// Inline rather than named: OpenAPI 3.0 cannot say "null or a $ref" without an allOf that
// validators reject.
const StatuspageStatuses = z.strictObject({
  degradedPerformance: ImpactValue.describe('The lowest impact value shown as degraded_performance.'),
  partialOutage: ImpactValue.describe('The lowest shown as partial_outage.'),
  majorOutage: ImpactValue.describe('The lowest shown as major_outage.'),
}).refine(t => t.degradedPerformance <= t.partialOutage && t.partialOutage <= t.majorOutage, 'must not fall from degradedPerformance to majorOutage')

export const Settings = named('Settings', 'How the public status page presents itself.', z.strictObject({
  title: z.string().trim().min(1).max(100).describe('The name of the page, in its header and the browser title.'),
  logoUrl: LogoUrl.nullable().describe('A logo shown before the title: a path on this site or a data:image URI.'),
  about: z.string().trim().max(5000).nullable().describe('Plain text about the page and its operator, shown in the footer.'),
  imprintUrl: LinkUrl.nullable().describe('The legal notice (Impressum), which German operators must show.'),
  privacyUrl: LinkUrl.nullable().describe('The privacy policy.'),
  footerLinks: z.array(FooterLink).max(10).describe('Further links in the footer.'),
  groupBy: z.array(LabelName).max(3)
    .refine(names => new Set(names).size === names.length, 'label names must be unique')
    .describe('Component labels to group by, outermost first; components without a label come last.'),
  maintenanceDays: z.int().min(1).max(365).describe('How many days ahead the page lists scheduled maintenance.'),
  statuspageStatuses: StatuspageStatuses.nullable().describe('How impact values map to Statuspage component statuses in /api/v2; null: derived from the severities (the highest is major_outage, the one below partial_outage, lower ones degraded_performance).'),
}))

export const SettingsPatch = named('SettingsPatch', 'Settings to change; omitted ones stay, null clears an optional one.', Settings.partial())

// Parameters.

/** A whole number written in decimal digits, as paths and queries carry it (no `1e1`, no `0x10`). */
export const Digits = z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(Incremental)
export const GenerationQuery = z.object({ generation: Digits.pipe(z.int().min(1)).optional() })
/** An instant in a query, in one spelling (UTC, milliseconds), so that equal instants compare equal. */
// zod runs this after a failed check too, where the text may be no date at all.
const QueryInstant = Instant.overwrite(instant => Number.isNaN(Date.parse(instant)) ? instant : new Date(instant).toISOString())
export const AtQuery = z.object({ at: QueryInstant.optional() })
export const IncidentWindowQuery = z.object({
  start: QueryInstant,
  end: QueryInstant,
}).refine(q => Date.parse(q.end) >= Date.parse(q.start), { message: 'end must not be before start', path: ['end'] })

/** `?component=<id>` and `?label=<key>:<value>`, which narrow the feeds and the calendar. */
export const PublicFilterQuery = z.object({
  component: Id.optional(),
  label: z.string().regex(/^[^:]+:.+$/, 'must be <key>:<value>').max(300).optional(),
})

/**
 * Why a field was refused, for clients that say it in their own words: too_short/too_long count
 * characters, too_small/too_big the number itself, too_few/too_many the items of a list.
 */
export const FIELD_ERROR_CODES = [
  'required', 'too_short', 'too_long', 'too_small', 'too_big', 'too_few', 'too_many',
  'invalid_email', 'invalid_url', 'invalid_datetime', 'invalid_format', 'invalid_type', 'invalid_choice',
  'unknown_field', 'taken', 'not_found', 'duplicate', 'wrong_password', 'before_start',
] as const
export type FieldErrorCode = typeof FIELD_ERROR_CODES[number]

export const FieldError = named('FieldError', 'One refused field of a request (an extension of SCS).', z.object({
  field: z.string().meta({ description: 'The field\'s path in the request, e.g. `displayName` or `affects[0].type`.' }),
  message: z.string().meta({ description: 'What is wrong with it, in English.' }),
  code: z.enum(FIELD_ERROR_CODES).optional().meta({ description: 'What is wrong with it, as a code to translate; absent when none fits.' }),
  limit: z.number().optional().meta({ description: 'The bound a too_* code refers to: the least or most allowed.' }),
}))

export const ProblemDetails = named('ProblemDetails', 'An error, as RFC 9457 problem details.', z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  errors: z.array(FieldError).optional(),
}))

export type ImpactTypeResponse = z.infer<typeof ImpactTypeResponseData>
export type SeverityData = z.infer<typeof Severity>
export type PhaseListData = z.infer<typeof PhaseListResponseData>
export type ComponentData = z.infer<typeof ComponentResponseData>
export type IncidentData = z.infer<typeof IncidentResponseData>
export type IncidentUpdateData = z.infer<typeof IncidentUpdateResponseData>
export type ImpactData = z.infer<typeof Impact>
export type NewImpactType = z.infer<typeof ImpactTypeRequest>
export type NewComponent = z.infer<typeof ComponentRequest>
export type NewIncident = z.infer<typeof IncidentRequest>
export type NewIncidentUpdate = z.infer<typeof IncidentUpdateRequest>
export type SettingsData = z.infer<typeof Settings>
export type SettingsChange = z.infer<typeof SettingsPatch>
export type ProblemDetailsData = z.infer<typeof ProblemDetails>
export type FieldErrorData = z.infer<typeof FieldError>
