// Incidents and the impacts that tie them to components. Every write runs in a transaction
// and checks the whole resulting incident, so a refused write leaves nothing behind.
import { and, asc, eq, gte, inArray, isNull, lte, min, or, sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { cancelledMaintenance, components, impacts, impactTypes, incidents, incidentUpdates } from '../../db/schema.ts'
import type { ImpactData, IncidentData, NewIncident } from '../../openapi/schemas.ts'
import { isMaintenance } from '../../shared/status/incident.ts'
import { assertPhaseExists } from './phases.ts'
import { badRequest, invalidField, notFound } from '../problem.ts'
import { isoOrNull } from '../../db/values.ts'
import { recordIncidentChange } from '../notify/events.ts'
import type { GuardedResource } from '../utils/preconditions.ts'

const MAINTENANCE_NEEDS_BOTH = 'maintenance (an impact of severity 0) needs both beganAt and endedAt'

export type IncidentInput = Omit<NewIncident, 'id' | 'updates'>

// Three queries, whatever the number of incidents: the incidents, their impacts and their update
// orders, matched up here. (Lateral joins would make it one query, evaluated once per incident.)
async function findIncidents(db: Queryable, where: SQL | undefined): Promise<IncidentData[]> {
  const matching = db.select({ id: incidents.id }).from(incidents).where(where)
  const [rows, impactRows, updateRows] = await Promise.all([
    db.select().from(incidents).where(where).orderBy(asc(incidents.beganAt), asc(incidents.id)),
    db.select().from(impacts).where(inArray(impacts.incidentId, matching))
      .orderBy(asc(impacts.componentId), asc(impacts.impactTypeId)),
    db.select({ incidentId: incidentUpdates.incidentId, order: incidentUpdates.order }).from(incidentUpdates)
      .where(inArray(incidentUpdates.incidentId, matching)).orderBy(asc(incidentUpdates.order)),
  ])
  const impactsOf = Map.groupBy(impactRows, impact => impact.incidentId)
  const updatesOf = Map.groupBy(updateRows, update => update.incidentId)
  return rows.map(row => ({
    id: row.id,
    displayName: row.displayName,
    ...(row.description !== null && { description: row.description }),
    beganAt: row.beganAt.toISOString(),
    endedAt: isoOrNull(row.endedAt),
    ...(row.phaseGeneration !== null && row.phaseOrder !== null && { phase: { generation: row.phaseGeneration, order: row.phaseOrder } }),
    updates: (updatesOf.get(row.id) ?? []).map(update => update.order),
    affects: (impactsOf.get(row.id) ?? []).map(impact => ({ reference: impact.componentId, type: impact.impactTypeId, severity: impact.severity })),
  }))
}

/** Every incident whose time span overlaps [start, end], ongoing ones included. */
export async function listIncidents(db: Queryable, start: Date, end: Date): Promise<IncidentData[]> {
  return findIncidents(db, and(lte(incidents.beganAt, end), or(isNull(incidents.endedAt), gte(incidents.endedAt, start))))
}

export async function getIncident(db: Queryable, id: string): Promise<IncidentData> {
  const [incident] = await findIncidents(db, eq(incidents.id, id))
  if (!incident) throw notFound(`No incident with id ${id}.`)
  return incident
}

/**
 * An incident under If-Match (server/utils/preconditions.ts). Its row is what every write of the
 * incident, its impacts and its updates locks first.
 */
export const incidentResource = (id: string): GuardedResource => ({
  noun: 'incident',
  lock: tx => tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, id)).for('update'),
  read: db => getIncident(db, id),
})

export function createIncident(db: Queryable, input: IncidentInput): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const affects = input.affects ?? []
    // A maintenance window is planned: both ends are stated, the start is never taken from the clock.
    if (affects.some(impact => impact.severity === 0)) {
      const missing = (['beganAt', 'endedAt'] as const).filter(field => !input[field])
        .map(field => ({ field, message: MAINTENANCE_NEEDS_BOTH, code: 'required' as const }))
      if (missing.length > 0) throw badRequest(missing.map(e => `${e.field}: ${e.message}`).join('; '), missing)
    }
    const beganAt = input.beganAt ? new Date(input.beganAt) : new Date()
    const endedAt = input.endedAt ? new Date(input.endedAt) : null
    await assertValidIncident(tx, { beganAt, endedAt, affects, phase: input.phase })
    const [{ id }] = await tx.insert(incidents).values({
      displayName: input.displayName,
      description: input.description,
      beganAt,
      endedAt,
      phaseGeneration: input.phase?.generation,
      phaseOrder: input.phase?.order,
    }).returning({ id: incidents.id }) as [{ id: string }]
    await insertImpacts(tx, id, affects)
    await recordIncidentChange(tx, undefined, await getIncident(tx, id))
    return { id }
  })
}

export function updateIncident(db: Queryable, id: string, patch: Partial<IncidentInput>) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(incidents).where(eq(incidents.id, id)).for('update')
    if (!current) throw notFound(`No incident with id ${id}.`)
    const before = await getIncident(tx, id)
    const beganAt = patch.beganAt ? new Date(patch.beganAt) : current.beganAt
    const endedAt = patch.endedAt === undefined ? current.endedAt : patch.endedAt === null ? null : new Date(patch.endedAt)
    const affects = patch.affects ?? await tx.select({ severity: impacts.severity }).from(impacts).where(eq(impacts.incidentId, id))
    await assertValidIncident(tx, { beganAt, endedAt, affects, phase: patch.phase })
    await tx.update(incidents).set({
      displayName: patch.displayName,
      description: patch.description,
      beganAt,
      endedAt,
      phaseGeneration: patch.phase?.generation,
      phaseOrder: patch.phase?.order,
      ...revised(),
    }).where(eq(incidents.id, id))
    if (patch.affects) {
      await tx.delete(impacts).where(eq(impacts.incidentId, id))
      await insertImpacts(tx, id, patch.affects)
    }
    await recordIncidentChange(tx, before, await getIncident(tx, id))
  })
}

/** What a change to an incident or its updates sets: the next revision, and when it happened. */
export const revised = () => ({ revision: sql`${incidents.revision} + 1`, changedAt: new Date() })

export function deleteIncident(db: Queryable, id: string) {
  return db.transaction(async (tx) => {
    // Read before the delete, which takes the impacts with it (cascade).
    const before = await getIncident(tx, id)
    const affects = before.affects.map(impact => ({ componentId: impact.reference, severity: impact.severity }))
    const [deleted] = await tx.delete(incidents).where(eq(incidents.id, id)).returning()
    if (!deleted) throw notFound(`No incident with id ${id}.`)
    await recordIncidentChange(tx, before, undefined)
    if (deleted.endedAt && isMaintenance({ affects })) {
      await tx.insert(cancelledMaintenance).values({
        id,
        displayName: deleted.displayName,
        description: deleted.description,
        beganAt: deleted.beganAt,
        endedAt: deleted.endedAt,
        componentIds: [...new Set(affects.map(impact => impact.componentId))],
        revision: deleted.revision + 1,
      })
    }
  })
}

interface IncidentState {
  beganAt: Date
  endedAt: Date | null
  affects: Pick<ImpactData, 'severity'>[] | ImpactData[]
  phase?: { generation: number, order: number }
}

async function assertValidIncident(db: Queryable, { beganAt, endedAt, affects, phase }: IncidentState) {
  if (endedAt && endedAt < beganAt) throw invalidField('endedAt', 'must not be before beganAt', 'before_start')
  if (!endedAt && affects.some(impact => impact.severity === 0)) {
    throw invalidField('endedAt', MAINTENANCE_NEEDS_BOTH, 'required')
  }
  if (phase) await assertPhaseExists(db, phase)
  if (affects.length > 0 && 'reference' in affects[0]!) await assertImpactsResolve(db, affects as ImpactData[])
}

/** Every impact must name an existing component and impact type, each pair only once. */
export async function assertImpactsResolve(db: Queryable, affects: ImpactData[]) {
  const pairs = affects.map(impact => `${impact.reference} ${impact.type}`)
  const twice = pairs.findIndex((pair, i) => pairs.indexOf(pair) !== i)
  if (twice >= 0) throw invalidField(`affects[${twice}]`, 'this component and impact type are already listed', 'duplicate')

  // `for key share` keeps the rows from being deleted until the write commits: a concurrent
  // delete waits, then removes the new impacts with the component or is refused for the impact type.
  const [knownComponents, knownTypes] = await Promise.all([
    db.select({ id: components.id }).from(components).where(inArray(components.id, affects.map(impact => impact.reference))).for('key share'),
    db.select({ id: impactTypes.id }).from(impactTypes).where(inArray(impactTypes.id, affects.map(impact => impact.type))).for('key share'),
  ])
  const componentIds = new Set(knownComponents.map(row => row.id))
  const typeIds = new Set(knownTypes.map(row => row.id))
  affects.forEach((impact, i) => {
    if (!componentIds.has(impact.reference)) throw invalidField(`affects[${i}].reference`, `no component with id ${impact.reference}`, 'not_found')
    if (!typeIds.has(impact.type)) throw invalidField(`affects[${i}].type`, `no impact type with id ${impact.type}`, 'not_found')
  })
}

async function insertImpacts(db: Queryable, incidentId: string, affects: ImpactData[]) {
  if (affects.length === 0) return
  await db.insert(impacts).values(affects.map(impact => ({
    incidentId,
    componentId: impact.reference,
    impactTypeId: impact.type,
    severity: impact.severity,
  })))
}

/** When the earliest incident began; null when there is none. */
export async function firstIncidentStart(db: Queryable): Promise<Date | null> {
  const [row] = await db.select({ first: min(incidents.beganAt) }).from(incidents)
  return row?.first ?? null
}
