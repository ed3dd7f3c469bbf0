// Users of the admin area: local accounts with a password, or accounts that sign in through
// OpenID Connect. Every session carries the user's session version; raising it ends them all.
import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { users } from '../../db/schema.ts'
import type { NewUser, SessionUserData, UserChanges, UserData } from '../../openapi/admin-schemas.ts'
import type { Role } from '../../shared/admin/access.ts'
import { decoyHash, hashPassword, needsRehash, verifyPassword } from '../auth/passwords.ts'
import { conflict, databaseError, invalidField, notFound, UNIQUE_VIOLATION } from '../problem.ts'

/** What a session needs to know about its user. */
export interface SessionUserRow extends SessionUserData {
  sessionVersion: number
}

const sessionColumns = { id: users.id, email: users.email, role: users.role, sessionVersion: users.sessionVersion }

const toSessionUser = (row: SessionUserRow): SessionUserRow =>
  ({ id: row.id, email: row.email, role: row.role, sessionVersion: row.sessionVersion })

const toUserData = (row: typeof users.$inferSelect): UserData => ({
  id: row.id,
  email: row.email,
  role: row.role,
  disabled: row.disabledAt !== null,
  hasPassword: row.passwordHash !== null,
  createdAt: row.createdAt.toISOString(),
  lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
})

const noUser = (id: string) => notFound(`No user with id ${id}.`)

export async function listUsers(db: Queryable): Promise<UserData[]> {
  return (await db.select().from(users).orderBy(asc(users.email))).map(toUserData)
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserData | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()))
  return row && toUserData(row)
}

export async function createUser(db: Queryable, input: NewUser): Promise<{ id: string }> {
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password)
  const [row] = await db.insert(users).values({ email: input.email, role: input.role, passwordHash })
    .returning({ id: users.id })
    .catch((error: unknown) => {
      if (databaseError(error)?.code === UNIQUE_VIOLATION) throw conflict(`email: a user with the email ${input.email} already exists`, [{ field: 'email', message: 'already taken', code: 'taken' }])
      throw error
    })
  return row!
}

/** Creates the first admin, unless any user exists; says whether it did. */
export function createFirstAdmin(db: Queryable, email: string, password: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Instances starting at once against one database must not each create an admin.
    await tx.execute(sql`lock table ${users} in exclusive mode`)
    if ((await tx.select({ n: count() }).from(users))[0]!.n > 0) return false
    await createUser(tx, { email: email.toLowerCase(), role: 'admin', password })
    return true
  })
}

/** Changes a user. Disabling and new passwords end the user's sessions; the last admin stays. */
export function updateUser(db: Queryable, id: string, changes: UserChanges) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update')
    if (!current) throw noUser(id)
    const losesAdmin = current.role === 'admin' && current.disabledAt === null
      && ((changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true)
    if (losesAdmin) await assertAnotherActiveAdmin(tx, id)
    const endsSessions = changes.password !== undefined || (changes.disabled === true && current.disabledAt === null)
    await tx.update(users).set({
      role: changes.role,
      disabledAt: changes.disabled === undefined ? undefined : changes.disabled ? (current.disabledAt ?? new Date()) : null,
      passwordHash: changes.password === undefined ? undefined : await hashPassword(changes.password),
      sessionVersion: endsSessions ? current.sessionVersion + 1 : undefined,
    }).where(eq(users.id, id))
  })
}

async function assertAnotherActiveAdmin(db: Queryable, id: string) {
  // Locking the other admins keeps two admins from demoting each other at the same moment.
  const others = await db.select({ id: users.id }).from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, id))).for('update')
  if (others.length === 0) throw conflict('At least one active admin must remain; make someone else admin first.')
}

/** Changes one's own password after checking the current one; returns the new session version. */
export function changePassword(db: Queryable, id: string, currentPassword: string, newPassword: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update')
    if (!current) throw noUser(id)
    if (!current.passwordHash || !await verifyPassword(currentPassword, current.passwordHash)) {
      throw invalidField('currentPassword', 'is not your current password', 'wrong_password')
    }
    const sessionVersion = current.sessionVersion + 1
    await tx.update(users).set({ passwordHash: await hashPassword(newPassword), sessionVersion }).where(eq(users.id, id))
    return sessionVersion
  })
}

/** The active user with this email and password, or undefined. Takes as long either way. */
export async function authenticatePassword(db: Queryable, email: string, password: string): Promise<SessionUserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()))
  const valid = await verifyPassword(password, row?.passwordHash ?? await decoyHash())
  if (!valid || !row || row.disabledAt) return undefined
  // The password is at hand only now: bring a hash made at an older cost up to today's.
  if (needsRehash(row.passwordHash!)) {
    const passwordHash = await hashPassword(password)
    await db.update(users).set({ passwordHash }).where(and(eq(users.id, row.id), eq(users.passwordHash, row.passwordHash!)))
  }
  return toSessionUser(row)
}

/** The user behind a session, if still active and the session's version is current. */
export async function findSessionUser(db: Queryable, id: string, sessionVersion: number): Promise<SessionUserRow | undefined> {
  const [row] = await db.select(sessionColumns).from(users)
    .where(and(eq(users.id, id), eq(users.sessionVersion, sessionVersion), isNull(users.disabledAt)))
  return row
}

/** Ends every session of the user, on every device. */
export async function endSessions(db: Queryable, id: string) {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, id))
}

export async function recordSignIn(db: Queryable, id: string) {
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, id))
}

/** Who the identity provider says someone is: its issuer, their subject there, and their email. */
export interface ProviderIdentity {
  issuer: string
  subject: string
  email: string
}

type SingleSignOnRefusal = 'disabled' | 'no-access' | 'other-identity'

/**
 * The account for someone the identity provider vouched for: the user bound to their issuer and
 * subject; else the user with their email, not yet bound to another identity, whom this binds;
 * else a new one when a role could be determined (given here; existing users keep theirs).
 */
export function userForSingleSignOn(db: Queryable, identity: ProviderIdentity, role: Role | undefined): Promise<SessionUserRow | { refused: SingleSignOnRefusal }> {
  const email = identity.email.toLowerCase()
  const bound = and(eq(users.oidcIssuer, identity.issuer), eq(users.oidcSubject, identity.subject))
  return db.transaction(async (tx) => {
    const [boundUser] = await tx.select().from(users).where(bound).for('update')
    const row = boundUser ?? (await tx.select().from(users).where(eq(users.email, email)).for('update'))[0]
    if (row) {
      // Someone else at the provider (or another provider) who now has this email is not them.
      if (!boundUser && row.oidcSubject !== null) return { refused: 'other-identity' }
      if (row.disabledAt) return { refused: 'disabled' }
      if (!boundUser) await tx.update(users).set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject }).where(eq(users.id, row.id))
      return toSessionUser(row)
    }
    if (!role) return { refused: 'no-access' }
    const [created] = await tx.insert(users).values({ email, role, oidcIssuer: identity.issuer, oidcSubject: identity.subject })
      .onConflictDoNothing().returning(sessionColumns)
    // Created by a sign-in at the same moment: theirs if it is bound to this identity.
    return created ?? (await tx.select(sessionColumns).from(users).where(bound))[0] ?? { refused: 'other-identity' }
  })
}
