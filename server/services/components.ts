// Components are what incidents affect. Deleting a component removes its impacts with it.
import { and, asc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { components, impacts, incidents } from '../../db/schema.ts'
import type { ComponentData, NewComponent } from '../../openapi/schemas.ts'
import { notFound } from './problem.ts'

type ComponentInput = Omit<NewComponent, 'id' | 'activelyAffectedBy'>

/** The incidents active at a point in time: begun, and not yet ended. */
export function incidentsActiveAt(db: Queryable, at: Date) {
  return db.select({ id: incidents.id }).from(incidents)
    .where(and(lte(incidents.beganAt, at), or(isNull(incidents.endedAt), gt(incidents.endedAt, at))))
}

// One query, whatever the number of components: the impacts come along as a lateral join.
function findComponents(db: Queryable, at: Date, id?: string) {
  return db.query.components.findMany({
    where: id ? eq(components.id, id) : undefined,
    orderBy: [asc(components.displayName), asc(components.id)],
    with: {
      impacts: {
        where: inArray(impacts.incidentId, incidentsActiveAt(db, at)),
        orderBy: [asc(impacts.incidentId), asc(impacts.impactTypeId)],
      },
    },
  })
}

type ComponentRow = Awaited<ReturnType<typeof findComponents>>[number]

const toComponentData = ({ impacts, ...component }: ComponentRow): ComponentData => ({
  ...component,
  activelyAffectedBy: impacts.map(impact => ({ reference: impact.incidentId, type: impact.impactTypeId, severity: impact.severity })),
})

export async function listComponents(db: Queryable, at = new Date()): Promise<ComponentData[]> {
  return (await findComponents(db, at)).map(toComponentData)
}

export async function getComponent(db: Queryable, id: string, at = new Date()): Promise<ComponentData> {
  const [row] = await findComponents(db, at, id)
  if (!row) throw notFound(`No component with id ${id}.`)
  return toComponentData(row)
}

export async function createComponent(db: Queryable, input: ComponentInput): Promise<{ id: string }> {
  const [row] = await db.insert(components).values({ displayName: input.displayName, labels: input.labels ?? {} })
    .returning({ id: components.id })
  return row!
}

export async function updateComponent(db: Queryable, id: string, patch: Partial<ComponentInput>) {
  const { displayName, labels } = patch
  if (displayName === undefined && labels === undefined) return assertComponentExists(db, id)
  const updated = await db.update(components).set({ displayName, labels }).where(eq(components.id, id)).returning({ id: components.id })
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
