// Updates of an incident, identified by an order that starts at 0 and rises by one per incident.
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { incidents, incidentUpdates } from '../../db/schema.ts'
import type { IncidentUpdateData, NewIncidentUpdate } from '../../openapi/schemas.ts'
import { getIncident, revised } from './incidents.ts'
import { recordIncidentChange } from '../notify/events.ts'
import { notFound } from '../problem.ts'
import { omitNull } from '../../db/values.ts'
import type { GuardedResource } from '../utils/preconditions.ts'

type UpdateInput = Omit<NewIncidentUpdate, 'order'>

const noUpdate = (incidentId: string, order: number) => notFound(`Incident ${incidentId} has no update ${order}.`)

/** An update posted or edited is an event of its incident, carrying the update. */
async function announce(db: Queryable, incidentId: string, row: typeof incidentUpdates.$inferSelect) {
  const incident = await getIncident(db, incidentId)
  await recordIncidentChange(db, incident, incident, toUpdateData(row))
}

const toUpdateData = (row: typeof incidentUpdates.$inferSelect): IncidentUpdateData => omitNull({
  order: row.order,
  displayName: row.displayName,
  description: row.description,
  createdAt: row.createdAt.toISOString(),
})

export async function listIncidentUpdates(db: Queryable, incidentId: string): Promise<IncidentUpdateData[]> {
  const incident = await db.query.incidents.findFirst({
    where: eq(incidents.id, incidentId),
    columns: { id: true },
    with: { updates: { orderBy: asc(incidentUpdates.order) } },
  })
  if (!incident) throw notFound(`No incident with id ${incidentId}.`)
  return incident.updates.map(toUpdateData)
}

export async function getIncidentUpdate(db: Queryable, incidentId: string, order: number): Promise<IncidentUpdateData> {
  const [row] = await db.select().from(incidentUpdates).where(matching(incidentId, order))
  if (!row) throw noUpdate(incidentId, order)
  return toUpdateData(row)
}

/** An incident update under If-Match (server/utils/preconditions.ts). */
export const incidentUpdateResource = (incidentId: string, order: number): GuardedResource => ({
  noun: 'incident update',
  lock: tx => tx.select({ order: incidentUpdates.order }).from(incidentUpdates).where(matching(incidentId, order)).for('update'),
  read: db => getIncidentUpdate(db, incidentId, order),
})

export function createIncidentUpdate(db: Queryable, incidentId: string, input: UpdateInput): Promise<{ order: number }> {
  return db.transaction(async (tx) => {
    // Taking the next order locks the incident's row until commit, so concurrent posts queue up
    // and each gets its own order.
    const [taken] = await tx.update(incidents)
      .set({ nextUpdateOrder: sql`${incidents.nextUpdateOrder} + 1`, ...revised() })
      .where(eq(incidents.id, incidentId))
      .returning({ order: sql<number>`${incidents.nextUpdateOrder} - 1` })
    if (!taken) throw notFound(`No incident with id ${incidentId}.`)
    const [row] = await tx.insert(incidentUpdates).values({
      incidentId,
      order: taken.order,
      displayName: input.displayName,
      description: input.description,
      createdAt: input.createdAt ? new Date(input.createdAt) : new Date(),
    }).returning()
    await announce(tx, incidentId, row!)
    return { order: taken.order }
  })
}

export async function updateIncidentUpdate(db: Queryable, incidentId: string, order: number, patch: Partial<UpdateInput>) {
  const { displayName, description } = patch
  // `createdAt: null` keeps the time, as if absent.
  const createdAt = patch.createdAt ?? undefined
  if (displayName === undefined && description === undefined && createdAt === undefined) {
    return getIncidentUpdate(db, incidentId, order).then(() => undefined)
  }
  return db.transaction(async (tx) => {
    const updated = await tx.update(incidentUpdates)
      .set({ displayName, description, createdAt: createdAt ? new Date(createdAt) : undefined })
      .where(matching(incidentId, order))
      .returning()
    if (updated.length === 0) throw noUpdate(incidentId, order)
    await tx.update(incidents).set(revised()).where(eq(incidents.id, incidentId))
    await announce(tx, incidentId, updated[0]!)
  })
}

export function deleteIncidentUpdate(db: Queryable, incidentId: string, order: number) {
  return db.transaction(async (tx) => {
    const deleted = await tx.delete(incidentUpdates).where(matching(incidentId, order)).returning({ order: incidentUpdates.order })
    if (deleted.length === 0) throw noUpdate(incidentId, order)
    await tx.update(incidents).set(revised()).where(eq(incidents.id, incidentId))
  })
}

const matching = (incidentId: string, order: number) => and(eq(incidentUpdates.incidentId, incidentId), eq(incidentUpdates.order, order))
