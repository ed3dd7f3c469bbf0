// Impact types say how an incident affects a component. One that is in use cannot be deleted.
import { asc, eq } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { impactTypes } from '../../db/schema.ts'
import type { ImpactTypeResponse, NewImpactType } from '../../openapi/schemas.ts'
import { conflict, databaseError, FOREIGN_KEY_VIOLATION, notFound, RESTRICT_VIOLATION } from '../problem.ts'
import { omitNull } from '../../db/values.ts'
import type { GuardedResource } from '../utils/preconditions.ts'

type ImpactTypeInput = Omit<NewImpactType, 'id'>

export async function listImpactTypes(db: Queryable): Promise<ImpactTypeResponse[]> {
  const rows = await db.select().from(impactTypes).orderBy(asc(impactTypes.displayName), asc(impactTypes.id))
  return rows.map(omitNull)
}

export async function getImpactType(db: Queryable, id: string): Promise<ImpactTypeResponse> {
  const [row] = await db.select().from(impactTypes).where(eq(impactTypes.id, id))
  if (!row) throw notFound(`No impact type with id ${id}.`)
  return omitNull(row)
}

/** An impact type under If-Match (server/utils/preconditions.ts). */
export const impactTypeResource = (id: string): GuardedResource => ({
  noun: 'impact type',
  lock: tx => tx.select({ id: impactTypes.id }).from(impactTypes).where(eq(impactTypes.id, id)).for('update'),
  read: db => getImpactType(db, id),
})

export async function createImpactType(db: Queryable, input: ImpactTypeInput): Promise<{ id: string }> {
  const [row] = await db.insert(impactTypes).values({ displayName: input.displayName, description: input.description })
    .returning({ id: impactTypes.id })
  return row!
}

export async function updateImpactType(db: Queryable, id: string, patch: Partial<ImpactTypeInput>) {
  const { displayName, description } = patch
  if (displayName === undefined && description === undefined) return getImpactType(db, id).then(() => undefined)
  const updated = await db.update(impactTypes).set({ displayName, description }).where(eq(impactTypes.id, id)).returning({ id: impactTypes.id })
  if (updated.length === 0) throw notFound(`No impact type with id ${id}.`)
}

export async function deleteImpactType(db: Queryable, id: string) {
  const deleted = await db.delete(impactTypes).where(eq(impactTypes.id, id)).returning({ id: impactTypes.id })
    .catch((error: unknown) => {
      const code = databaseError(error)?.code
      if (code !== FOREIGN_KEY_VIOLATION && code !== RESTRICT_VIOLATION) throw error
      throw conflict(`Impact type ${id} is used by incidents or health beacons; change those first.`)
    })
  if (deleted.length === 0) throw notFound(`No impact type with id ${id}.`)
}
