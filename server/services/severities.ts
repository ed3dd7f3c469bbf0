// Severities are identified by their name; names and values are both unique.
import { asc, eq } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { severities } from '../../db/schema.ts'
import type { SeverityData } from '../../openapi/schemas.ts'
import { conflict, notFound, databaseError, UNIQUE_VIOLATION } from '../problem.ts'
import type { GuardedResource } from '../utils/preconditions.ts'

export function listSeverities(db: Queryable): Promise<SeverityData[]> {
  return db.select().from(severities).orderBy(asc(severities.value))
}

export async function getSeverity(db: Queryable, name: string): Promise<SeverityData> {
  const [row] = await db.select().from(severities).where(eq(severities.displayName, name))
  if (!row) throw notFound(`No severity named "${name}".`)
  return row
}

/** A severity under If-Match (server/utils/preconditions.ts). */
export const severityResource = (name: string): GuardedResource => ({
  noun: 'severity',
  lock: tx => tx.select({ displayName: severities.displayName }).from(severities).where(eq(severities.displayName, name)).for('update'),
  read: db => getSeverity(db, name),
})

export async function createSeverity(db: Queryable, input: SeverityData) {
  await db.insert(severities).values(input).catch(duplicateAsConflict(input))
}

export async function updateSeverity(db: Queryable, name: string, patch: Partial<SeverityData>) {
  if (!patch.displayName && patch.value === undefined) return getSeverity(db, name).then(() => undefined)
  const updated = await db.update(severities).set(patch).where(eq(severities.displayName, name))
    .returning({ displayName: severities.displayName }).catch(duplicateAsConflict(patch))
  if (updated.length === 0) throw notFound(`No severity named "${name}".`)
}

export async function deleteSeverity(db: Queryable, name: string) {
  const deleted = await db.delete(severities).where(eq(severities.displayName, name)).returning({ displayName: severities.displayName })
  if (deleted.length === 0) throw notFound(`No severity named "${name}".`)
}

function duplicateAsConflict(input: Partial<SeverityData>) {
  return (error: unknown): never => {
    const failure = databaseError(error)
    if (failure?.code !== UNIQUE_VIOLATION) throw error
    const field = failure.constraint.includes('value') ? 'value' : 'displayName'
    const message = field === 'value' ? `another severity already has the value ${input.value}` : `a severity named "${input.displayName}" already exists`
    throw conflict(`${field}: ${message}`, [{ field, message, code: 'taken' }])
  }
}
