// API tokens: random secrets handed out once and kept only as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto'
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { apiTokens } from '../../db/schema.ts'
import type { TokenData } from '../../openapi/admin-schemas.ts'
import type { TokenScope } from '../../shared/admin/access.ts'
import { conflict, databaseError, notFound, UNIQUE_VIOLATION } from '../problem.ts'
import { isoOrNull } from '../../db/values.ts'

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createToken(db: Queryable, name: string, scope: TokenScope): Promise<{ token: string }> {
  const token = `scs_${randomBytes(32).toString('base64url')}`
  await db.insert(apiTokens).values({ name, scope, tokenHash: hashToken(token) }).catch((error: unknown) => {
    if (databaseError(error)?.code === UNIQUE_VIOLATION) throw conflict(`A token named "${name}" already exists.`, [{ field: 'name', message: 'already taken', code: 'taken' }])
    throw error
  })
  return { token }
}

export async function revokeToken(db: Queryable, name: string) {
  const deleted = await db.delete(apiTokens).where(eq(apiTokens.name, name)).returning({ id: apiTokens.id })
  if (deleted.length === 0) throw notFound(`No token named "${name}".`)
}

export async function listTokens(db: Queryable): Promise<TokenData[]> {
  const rows = await db.select({ name: apiTokens.name, scope: apiTokens.scope, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens).orderBy(asc(apiTokens.name))
  return rows.map(row => ({ ...row, createdAt: row.createdAt.toISOString(), lastUsedAt: isoOrNull(row.lastUsedAt) }))
}

// Recording every use would turn each write into two; once a minute is enough to tell
// which tokens are alive.
const LAST_USE_RESOLUTION_MS = 60_000

/** The token's name and scope, or undefined when no token has this secret. */
export async function findToken(db: Queryable, token: string) {
  const [found] = await db.select({ id: apiTokens.id, name: apiTokens.name, scope: apiTokens.scope, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens).where(eq(apiTokens.tokenHash, hashToken(token)))
  if (!found) return undefined
  const now = new Date()
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USE_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USE_RESOLUTION_MS)
    await db.update(apiTokens).set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, found.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stale))))
  }
  return { name: found.name, scope: found.scope }
}
