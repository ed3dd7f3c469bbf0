// Incidents as the feeds, the calendar and the Statuspage-style reads show them: with their
// updates' texts, the names of the components they affect, and their revision.
import { and, desc, eq, gte, inArray, isNull, or } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { cancelledMaintenance, components, impacts, incidents, incidentUpdates } from '../../db/schema.ts'

export interface PublicImpact {
  componentId: string
  componentName: string
  severity: number
}

export interface PublicUpdate {
  order: number
  displayName: string
  description: string | null
  createdAt: Date
}

export interface PublicIncident {
  id: string
  displayName: string
  description: string | null
  beganAt: Date
  endedAt: Date | null
  revision: number
  changedAt: Date
  affects: PublicImpact[]
  /** Newest first. */
  updates: PublicUpdate[]
}

export type CancelledMaintenance = typeof cancelledMaintenance.$inferSelect

/**
 * Incidents still going on or ended at or after `since`, future ones included; with
 * `componentIds`, only those affecting one of them. Ordered by beganAt, newest first.
 */
export async function listPublicIncidents(db: Queryable, since: Date, componentIds?: string[]): Promise<PublicIncident[]> {
  if (componentIds?.length === 0) return []
  const where = and(
    or(isNull(incidents.endedAt), gte(incidents.endedAt, since)),
    componentIds && inArray(incidents.id, db.select({ id: impacts.incidentId }).from(impacts).where(inArray(impacts.componentId, componentIds))),
  )
  const matching = db.select({ id: incidents.id }).from(incidents).where(where)
  const [rows, impactRows, updateRows] = await Promise.all([
    db.select().from(incidents).where(where).orderBy(desc(incidents.beganAt), desc(incidents.id)),
    db.select({ incidentId: impacts.incidentId, componentId: impacts.componentId, componentName: components.displayName, severity: impacts.severity })
      .from(impacts).innerJoin(components, eq(impacts.componentId, components.id))
      .where(inArray(impacts.incidentId, matching)).orderBy(desc(impacts.severity), components.displayName),
    db.select().from(incidentUpdates).where(inArray(incidentUpdates.incidentId, matching)).orderBy(desc(incidentUpdates.order)),
  ])
  const impactsOf = Map.groupBy(impactRows, impact => impact.incidentId)
  const updatesOf = Map.groupBy(updateRows, update => update.incidentId)
  return rows.map(row => ({
    id: row.id,
    displayName: row.displayName,
    description: row.description,
    beganAt: row.beganAt,
    endedAt: row.endedAt,
    revision: row.revision,
    changedAt: row.changedAt,
    affects: (impactsOf.get(row.id) ?? []).map(({ componentId, componentName, severity }) => ({ componentId, componentName, severity })),
    updates: (updatesOf.get(row.id) ?? []).map(({ order, displayName, description, createdAt }) => ({ order, displayName, description, createdAt })),
  }))
}

/** Deleted maintenance that ended at or after `since`; with `componentIds`, on one of them. */
export async function listCancelledMaintenance(db: Queryable, since: Date, componentIds?: string[]): Promise<CancelledMaintenance[]> {
  const rows = await db.select().from(cancelledMaintenance).where(gte(cancelledMaintenance.endedAt, since))
    .orderBy(desc(cancelledMaintenance.beganAt))
  return componentIds ? rows.filter(row => row.componentIds.some(id => componentIds.includes(id))) : rows
}
