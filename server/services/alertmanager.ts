// Prometheus Alertmanager's webhook: an alert group's firing alerts open or update one incident
// (the group's key names it), on the components that admins' rules match; when no alert of the
// group fires any more, the incident resolves itself. Alertmanager retries a notification it
// thinks failed, and sends a group again on every interval: both find the incident as it is and
// change nothing.
import { asc, eq } from 'drizzle-orm'
import type { Database, Queryable } from '../../db/client.ts'
import { alertRules, components, impactTypes } from '../../db/schema.ts'
import type { AlertmanagerPayloadData, AlertRuleInput } from '../../openapi/alertmanager-schemas.ts'
import type { ImpactData } from '../../openapi/schemas.ts'
import { invalidField, notFound } from '../problem.ts'
import { openAutomatedIncident, resolveAutomatedIncident } from './automated-incidents.ts'

type RuleRow = typeof alertRules.$inferSelect

const toRuleData = (row: RuleRow) => ({
  id: row.id,
  matchers: row.matchers,
  componentId: row.componentId,
  impactType: row.impactTypeId,
  severity: row.severity,
  severityByLabel: row.severityByLabel,
})

export async function listAlertRules(db: Queryable) {
  return (await db.select().from(alertRules).orderBy(asc(alertRules.createdAt), asc(alertRules.id))).map(toRuleData)
}

async function assertReferencesExist(db: Queryable, input: Partial<AlertRuleInput>) {
  if (input.componentId && !(await db.select({ id: components.id }).from(components).where(eq(components.id, input.componentId))).length) {
    throw invalidField('componentId', `no component with id ${input.componentId}`, 'not_found')
  }
  if (input.impactType && !(await db.select({ id: impactTypes.id }).from(impactTypes).where(eq(impactTypes.id, input.impactType))).length) {
    throw invalidField('impactType', `no impact type with id ${input.impactType}`, 'not_found')
  }
}

export async function createAlertRule(db: Queryable, input: AlertRuleInput) {
  await assertReferencesExist(db, input)
  const [row] = await db.insert(alertRules).values({
    matchers: input.matchers,
    componentId: input.componentId,
    impactTypeId: input.impactType,
    severity: input.severity,
    severityByLabel: input.severityByLabel ?? {},
  }).returning()
  return toRuleData(row!)
}

export async function updateAlertRule(db: Queryable, id: string, patch: Partial<AlertRuleInput>) {
  await assertReferencesExist(db, patch)
  const { matchers, componentId, impactType: impactTypeId, severity, severityByLabel } = patch
  const changes = { matchers, componentId, impactTypeId, severity, severityByLabel }
  const [row] = Object.values(changes).every(value => value === undefined)
    ? await db.select({ id: alertRules.id }).from(alertRules).where(eq(alertRules.id, id))
    : await db.update(alertRules).set(changes).where(eq(alertRules.id, id)).returning({ id: alertRules.id })
  if (!row) throw notFound(`No alert rule with id ${id}.`)
}

export async function deleteAlertRule(db: Queryable, id: string) {
  const deleted = await db.delete(alertRules).where(eq(alertRules.id, id)).returning({ id: alertRules.id })
  if (deleted.length === 0) throw notFound(`No alert rule with id ${id}.`)
}

/** The impacts of the firing alerts: each rule that an alert matches, at its worst severity. */
export function impactsOf(alerts: AlertmanagerPayloadData['alerts'], rules: RuleRow[]): ImpactData[] {
  const worst = new Map<string, ImpactData>()
  for (const alert of alerts.filter(alert => alert.status === 'firing')) {
    for (const rule of rules.filter(rule => Object.entries(rule.matchers).every(([label, value]) => Object.hasOwn(alert.labels, label) && alert.labels[label] === value))) {
      // Own keys only: a label such as `__proto__` must not find Object.prototype.
      const label = alert.labels.severity ?? ''
      const severity = Object.hasOwn(rule.severityByLabel, label) ? rule.severityByLabel[label]! : rule.severity
      const key = `${rule.componentId} ${rule.impactTypeId}`
      if ((worst.get(key)?.severity ?? 0) < severity) worst.set(key, { reference: rule.componentId, type: rule.impactTypeId, severity })
    }
  }
  return [...worst.values()]
}

export async function receiveAlerts(db: Database, payload: AlertmanagerPayloadData) {
  const affects = impactsOf(payload.alerts, await db.select().from(alertRules))
  if (affects.length === 0) {
    const resolved = await resolveAutomatedIncident(db, 'alertmanager', payload.groupKey, {
      displayName: 'Alert resolved',
      description: 'Alertmanager reports that no alert of this group fires any more; this incident resolved itself.',
    })
    return resolved ? { outcome: 'resolved' as const, incidentId: resolved } : { outcome: 'ignored' as const }
  }
  const labels = { ...payload.groupLabels, ...payload.commonLabels }
  const annotations = payload.commonAnnotations ?? {}
  const { id, opened } = await openAutomatedIncident(db, 'alertmanager', payload.groupKey, {
    displayName: annotations.summary ?? labels.alertname ?? 'Alert firing',
    description: `${annotations.description ? `${annotations.description}\n\n` : ''}Opened by Prometheus Alertmanager (${Object.entries(payload.groupLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(', ') || 'alert group'}); it resolves itself when the alerts do, unless an operator takes it over.`,
    affects,
  })
  return { outcome: opened ? 'opened' as const : 'updated' as const, incidentId: id }
}
