// Updates of an incident, identified by an order that starts at 0 and rises by one per incident.
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { incidents, incidentUpdates } from '../../db/schema.ts'
import type { IncidentUpdateData, NewIncidentUpdate } from '../../openapi/schemas.ts'
import { revised } from './incidents.ts'
import { notFound } from '../problem.ts'
import { omitNull } from '../../db/values.ts'

type UpdateInput = Omit<NewIncidentUpdate, 'order'>

const noUpdate = (incidentId: string, order: number) => notFound(`Incident ${incidentId} has no update ${order}.`)

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

export function createIncidentUpdate(db: Queryable, incidentId: string, input: UpdateInput): Promise<{ order: number }> {
  return db.transaction(async (tx) => {
    // Taking the next order locks the incident's row until commit, so concurrent posts queue up
    // and each gets its own order.
    const [taken] = await tx.update(incidents)
      .set({ nextUpdateOrder: sql`${incidents.nextUpdateOrder} + 1`, ...revised() })
      .where(eq(incidents.id, incidentId))
      .returning({ order: sql<number>`${incidents.nextUpdateOrder} - 1` })
    if (!taken) throw notFound(`No incident with id ${incidentId}.`)
    await tx.insert(incidentUpdates).values({
      incidentId,
      order: taken.order,
      displayName: input.displayName,
      description: input.description,
      createdAt: input.createdAt ? new Date(input.createdAt) : new Date(),
    })
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
      .returning({ order: incidentUpdates.order })
    if (updated.length === 0) throw noUpdate(incidentId, order)
    await tx.update(incidents).set(revised()).where(eq(incidents.id, incidentId))
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
