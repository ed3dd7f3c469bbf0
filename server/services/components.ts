// Components are what incidents affect. Deleting a component removes its impacts with it.
import { and, asc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { components, impacts, incidents } from '../../db/schema.ts'
import type { ComponentData, NewComponent } from '../../openapi/schemas.ts'
import { notFound } from '../problem.ts'
import type { GuardedResource } from '../utils/preconditions.ts'

type ComponentInput = Omit<NewComponent, 'id' | 'activelyAffectedBy'>

/** Incidents active at a point in time: begun, and not yet ended. */
export const activeAt = (at: Date) => and(lte(incidents.beganAt, at), or(isNull(incidents.endedAt), gt(incidents.endedAt, at)))

// Two queries, whatever the number of components: the components, and every active impact on
// them in one join, matched up here. (A lateral join per component is one query but makes the
// database evaluate the active incidents once per component, which is far slower.)
async function findComponents(db: Queryable, at: Date, ids?: string[]): Promise<ComponentData[]> {
  const [rows, active] = await Promise.all([
    db.select({ id: components.id, displayName: components.displayName, labels: components.labels }).from(components)
      .where(ids && inArray(components.id, ids))
      .orderBy(asc(components.displayName), asc(components.id)),
    db.select({ componentId: impacts.componentId, reference: impacts.incidentId, type: impacts.impactTypeId, severity: impacts.severity })
      .from(impacts).innerJoin(incidents, eq(impacts.incidentId, incidents.id))
      .where(and(activeAt(at), ids && inArray(impacts.componentId, ids)))
      .orderBy(asc(impacts.incidentId), asc(impacts.impactTypeId)),
  ])
  const byComponent = Map.groupBy(active, impact => impact.componentId)
  return rows.map(component => ({
    ...component,
    activelyAffectedBy: (byComponent.get(component.id) ?? []).map(({ reference, type, severity }) => ({ reference, type, severity })),
  }))
}

export function listComponents(db: Queryable, at = new Date()): Promise<ComponentData[]> {
  return findComponents(db, at)
}

/** The components with these ids that exist, as the API shows them. */
export function componentsWithIds(db: Queryable, ids: string[], at = new Date()): Promise<ComponentData[]> {
  return ids.length === 0 ? Promise.resolve([]) : findComponents(db, at, ids)
}

export async function getComponent(db: Queryable, id: string, at = new Date()): Promise<ComponentData> {
  const [component] = await findComponents(db, at, [id])
  if (!component) throw notFound(`No component with id ${id}.`)
  return component
}

/** A component under If-Match (server/utils/preconditions.ts). */
export const componentResource = (id: string): GuardedResource => ({
  noun: 'component',
  lock: tx => tx.select({ id: components.id }).from(components).where(eq(components.id, id)).for('update'),
  read: db => getComponent(db, id),
})

export async function createComponent(db: Queryable, input: ComponentInput): Promise<{ id: string }> {
  const [row] = await db.insert(components).values({ displayName: input.displayName, labels: input.labels ?? {} })
    .returning({ id: components.id })
  return row!
}

export async function updateComponent(db: Queryable, id: string, patch: Partial<ComponentInput>) {
  const { displayName, labels } = patch
  if (displayName === undefined && labels === undefined) return assertComponentExists(db, id)
  const updated = await db.update(components).set({ displayName, labels, updatedAt: new Date() }).where(eq(components.id, id)).returning({ id: components.id })
  if (updated.length === 0) throw notFound(`No component with id ${id}.`)
}

export async function deleteComponent(db: Queryable, id: string) {
  const deleted = await db.delete(components).where(eq(components.id, id)).returning({ id: components.id })
  if (deleted.length === 0) throw notFound(`No component with id ${id}.`)
}

async function assertComponentExists(db: Queryable, id: string) {
  const [row] = await db.select({ id: components.id }).from(components).where(eq(components.id, id))
  if (!row) throw notFound(`No component with id ${id}.`)
}
