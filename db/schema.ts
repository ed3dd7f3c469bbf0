// The database schema. drizzle-kit generates the SQL migrations in db/migrations from it.
import { relations, sql } from 'drizzle-orm'
import { bigint, boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { ROLES, TOKEN_SCOPES } from '../shared/admin/access.ts'
import { instant } from './timestamp.ts'

export const components = pgTable('components', {
  id: uuid().primaryKey().defaultRandom(),
  displayName: text().notNull(),
  labels: jsonb().$type<Record<string, string>>().notNull().default({}),
  // For Statuspage-style reads, whose components carry these.
  createdAt: instant().notNull().default(sql`now()`),
  updatedAt: instant().notNull().default(sql`now()`),
})

export const impactTypes = pgTable('impact_types', {
  id: uuid().primaryKey().defaultRandom(),
  displayName: text().notNull(),
  description: text(),
})

// Severities are identified by name; values are unique too, so the ranges they cover never overlap.
export const severities = pgTable('severities', {
  displayName: text().primaryKey(),
  value: integer().notNull().unique(),
}, t => [check('severity_value_range', sql`${t.value} between 0 and 100`)])

// A phase list is never edited: every change is a new generation.
export const phaseLists = pgTable('phase_lists', {
  generation: integer().primaryKey(),
  phases: text().array().notNull(),
  createdAt: instant().notNull().default(sql`now()`),
})

export const incidents = pgTable('incidents', {
  id: uuid().primaryKey().defaultRandom(),
  displayName: text().notNull(),
  description: text(),
  beganAt: instant().notNull(),
  endedAt: instant(),
  phaseGeneration: integer().references(() => phaseLists.generation),
  phaseOrder: integer(),
  // The order the next update gets. Incrementing it takes a row lock, so concurrent posts queue up.
  nextUpdateOrder: integer().notNull().default(0),
  // Raised by every change to the incident or its updates: the calendar's SEQUENCE, and with
  // changedAt what feeds date an entry by.
  revision: integer().notNull().default(0),
  changedAt: instant().notNull().default(sql`now()`),
}, t => [
  index('incidents_time_span').on(t.beganAt, t.endedAt),
  check('incident_time_span', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.beganAt}`),
])

export const incidentUpdates = pgTable('incident_updates', {
  incidentId: uuid().notNull().references(() => incidents.id, { onDelete: 'cascade' }),
  order: integer().notNull(),
  displayName: text().notNull(),
  description: text(),
  createdAt: instant().notNull().default(sql`now()`),
}, t => [primaryKey({ columns: [t.incidentId, t.order] })])

// An impact joins an incident, a component and an impact type. Deleting a component removes its
// impacts; an impact type that is still in use cannot be deleted.
export const impacts = pgTable('impacts', {
  incidentId: uuid().notNull().references(() => incidents.id, { onDelete: 'cascade' }),
  componentId: uuid().notNull().references(() => components.id, { onDelete: 'cascade' }),
  impactTypeId: uuid().notNull(),
  severity: integer().notNull(),
}, t => [
  primaryKey({ columns: [t.incidentId, t.componentId, t.impactTypeId] }),
  foreignKey({ columns: [t.impactTypeId], foreignColumns: [impactTypes.id], name: 'impacts_impact_type_fk' }).onDelete('restrict'),
  index('impacts_component').on(t.componentId),
  index('impacts_impact_type').on(t.impactTypeId),
  check('impact_severity_range', sql`${t.severity} between 0 and 100`),
])

// Deleted maintenance, kept so that calendars learn of the cancellation (STATUS:CANCELLED)
// rather than keeping the event forever. Same id as the incident was.
export const cancelledMaintenance = pgTable('cancelled_maintenance', {
  id: uuid().primaryKey(),
  displayName: text().notNull(),
  description: text(),
  beganAt: instant().notNull(),
  endedAt: instant().notNull(),
  componentIds: jsonb().$type<string[]>().notNull(),
  revision: integer().notNull(),
  cancelledAt: instant().notNull().default(sql`now()`),
}, t => [index('cancelled_maintenance_ended').on(t.endedAt)])

export const apiTokens = pgTable('api_tokens', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  // SHA-256 of the token: tokens are long random strings, so a fast hash is enough.
  tokenHash: text().notNull().unique(),
  scope: text({ enum: TOKEN_SCOPES }).notNull(),
  createdAt: instant().notNull().default(sql`now()`),
  lastUsedAt: instant(),
})

// The public page's settings, one row per setting. Absent rows take their default
// (server/services/settings.ts), so adding a setting needs no migration.
export const settings = pgTable('settings', {
  name: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: instant().notNull().default(sql`now()`),
})

// People who sign in to the admin area. Emails are stored in lower case.
export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  role: text({ enum: ROLES }).notNull(),
  // scrypt, see server/auth/passwords.ts; null for users who only sign in through OIDC.
  passwordHash: text(),
  disabledAt: instant(),
  // Sessions carry the version they began with; raising it ends every other session of the user.
  sessionVersion: integer().notNull().default(0),
  createdAt: instant().notNull().default(sql`now()`),
  lastSignInAt: instant(),
  // The identity provider's issuer and subject (`iss`, `sub`) the user is bound to after their
  // first single sign-on; later ones must come from the same, whatever email they bring.
  oidcIssuer: text(),
  oidcSubject: text(),
}, t => [
  check('user_email_lower_case', sql`${t.email} = lower(${t.email})`),
  uniqueIndex('users_oidc_identity').on(t.oidcIssuer, t.oidcSubject),
])

// Secrets the server generates for itself when none is configured, e.g. the session key.
export const serverSecrets = pgTable('server_secrets', {
  name: text().primaryKey(),
  value: text().notNull(),
  createdAt: instant().notNull().default(sql`now()`),
})

// Who changed what: one row per successful write, through the API or the admin area, and one per
// failed sign-in.
export const auditLog = pgTable('audit_log', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: instant().notNull().default(sql`now()`),
  // A user's email or a token's name, kept as text so the entry outlives the user or token;
  // for a failed sign-in (anonymous) the email that was tried.
  actorKind: text({ enum: ['user', 'token', 'anonymous'] }).notNull(),
  actor: text().notNull(),
  method: text().notNull(),
  path: text().notNull(),
  // The first segment after /api (incidents, components, users …) and the id the path or the
  // response names.
  resourceKind: text().notNull(),
  resourceId: text(),
  summary: text().notNull(),
}, t => [
  index('audit_log_at').on(t.at),
  index('audit_log_actor').on(t.actor, t.id),
  index('audit_log_resource').on(t.resourceKind, t.id),
])

// Named presets to open a common incident in a few clicks. Their impacts are kept as JSON and
// checked when saved; a component or impact type deleted since is left out when read.
export const incidentTemplates = pgTable('incident_templates', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  displayName: text().notNull(),
  description: text(),
  affects: jsonb().$type<{ reference: string, type: string, severity: number }[]>().notNull().default([]),
  firstUpdate: jsonb().$type<{ displayName: string, description?: string }>(),
  createdAt: instant().notNull().default(sql`now()`),
})

// What subscribers hear of (server/notify/): recorded in the transaction of the write that caused
// it (a transactional outbox), with the incident and its components as the API showed them then,
// so that every delivery of one event carries the same body. `relayedAt` is set in the transaction
// that queues its deliveries. No foreign key: a cancelled maintenance's event outlives it.
export const notificationEvents = pgTable('notification_events', {
  id: uuid().primaryKey().defaultRandom(),
  kind: text().notNull(),
  incidentId: uuid(),
  occurredAt: instant().notNull().default(sql`now()`),
  payload: jsonb().$type<Record<string, unknown>>().notNull(),
  relayedAt: instant(),
}, t => [index('notification_events_unrelayed').on(t.occurredAt).where(sql`${t.relayedAt} is null`)])

// Email subscriptions. An address is stored once; until it is confirmed (double opt-in) it gets
// nothing but the confirmation. The secret of its links (confirm, manage, unsubscribe) is kept as
// it is, since every mail carries it; it grants no more than managing this one subscription.
// No scope (no components, no labels) means everything.
export const subscriptions = pgTable('subscriptions', {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  locale: text().notNull(),
  timeZone: text().notNull(),
  componentIds: uuid().array().notNull().default(sql`'{}'`),
  labels: jsonb().$type<Record<string, string>>().notNull().default({}),
  secret: text().notNull().unique(),
  confirmedAt: instant(),
  // When the newest confirmation link was made; it is valid for 48 hours.
  confirmationSentAt: instant().notNull().default(sql`now()`),
  createdAt: instant().notNull().default(sql`now()`),
})

// Receivers of signed webhooks. The secret signs every delivery, so it is kept as it is.
export const webhooks = pgTable('webhooks', {
  id: uuid().primaryKey().defaultRandom(),
  url: text().notNull(),
  secret: text().notNull(),
  // The event kinds it wants; empty for all.
  events: text().array().notNull().default(sql`'{}'`),
  // Narrows incident events to these components, or to components carrying one of these labels.
  componentIds: uuid().array().notNull().default(sql`'{}'`),
  labels: jsonb().$type<Record<string, string>>().notNull().default({}),
  active: boolean().notNull().default(true),
  // Why delivery stopped by itself: every retry of a delivery failed.
  pausedReason: text(),
  createdAt: instant().notNull().default(sql`now()`),
})

// One line per delivery attempt, the newest shown in the admin area.
export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  webhookId: uuid().notNull().references(() => webhooks.id, { onDelete: 'cascade' }),
  messageId: text().notNull(),
  eventKind: text().notNull(),
  attempt: integer().notNull(),
  at: instant().notNull().default(sql`now()`),
  statusCode: integer(),
  durationMs: integer().notNull(),
  error: text(),
}, t => [index('webhook_deliveries_by_webhook').on(t.webhookId, t.id)])

// Incidents that opened themselves (health beacons, alerts): which source and key opened them, so
// that the same source updates or resolves the same incident, until an operator takes it over.
export const automatedIncidents = pgTable('automated_incidents', {
  incidentId: uuid().primaryKey().references(() => incidents.id, { onDelete: 'cascade' }),
  source: text().notNull(),
  key: text().notNull(),
  takenOver: boolean().notNull().default(false),
}, t => [index('automated_incidents_key').on(t.source, t.key)])

// Health beacons: a cron job or a monitor calls the beacon's secret URL; when beats stop for
// interval + grace, an incident opens itself on the component.
export const beacons = pgTable('beacons', {
  id: uuid().primaryKey().defaultRandom(),
  componentId: uuid().notNull().references(() => components.id, { onDelete: 'cascade' }),
  name: text().notNull(),
  token: text().notNull().unique(),
  intervalSeconds: integer().notNull(),
  graceSeconds: integer().notNull(),
  impactTypeId: uuid().notNull(),
  severity: integer().notNull(),
  lastBeatAt: instant(),
  // What the last beat said: up, down or degraded.
  lastStatus: text(),
  createdAt: instant().notNull().default(sql`now()`),
}, t => [
  foreignKey({ columns: [t.impactTypeId], foreignColumns: [impactTypes.id], name: 'beacons_impact_type_fk' }).onDelete('restrict'),
  check('beacon_severity_range', sql`${t.severity} between 1 and 100`),
])

// How Alertmanager's alerts become incidents: an alert whose labels include all of `matchers`
// affects the component, at the severity its `severity` label maps to, else the rule's own.
export const alertRules = pgTable('alert_rules', {
  id: uuid().primaryKey().defaultRandom(),
  matchers: jsonb().$type<Record<string, string>>().notNull(),
  componentId: uuid().notNull().references(() => components.id, { onDelete: 'cascade' }),
  impactTypeId: uuid().notNull(),
  severity: integer().notNull(),
  severityByLabel: jsonb().$type<Record<string, number>>().notNull().default({}),
  createdAt: instant().notNull().default(sql`now()`),
}, t => [
  foreignKey({ columns: [t.impactTypeId], foreignColumns: [impactTypes.id], name: 'alert_rules_impact_type_fk' }).onDelete('restrict'),
  check('alert_rule_severity_range', sql`${t.severity} between 1 and 100`),
])

export const incidentsRelations = relations(incidents, ({ many }) => ({
  impacts: many(impacts),
  updates: many(incidentUpdates),
}))

export const componentsRelations = relations(components, ({ many }) => ({
  impacts: many(impacts),
}))

export const impactsRelations = relations(impacts, ({ one }) => ({
  incident: one(incidents, { fields: [impacts.incidentId], references: [incidents.id] }),
  component: one(components, { fields: [impacts.componentId], references: [components.id] }),
}))

export const incidentUpdatesRelations = relations(incidentUpdates, ({ one }) => ({
  incident: one(incidents, { fields: [incidentUpdates.incidentId], references: [incidents.id] }),
}))
