// Who may write: a bearer token (the bootstrap admin token or one stored hashed), or a user
// signed in to the admin area with a session cookie.
import { timingSafeEqual } from 'node:crypto'
import type { H3Event } from 'h3'
import type { Role, TokenScope } from '../../shared/admin/access'
import { config } from '../config'
import { Problem } from '../problem'
import { findToken, hashToken } from '../services/tokens'
import { activeSession, assertNotForged, hasSessionCookie } from './session'

/** Who made a request: an API token by name, or a user by email. */
export type Caller
  = | { kind: 'token', name: string, scope: TokenScope, bootstrap: boolean }
    | { kind: 'user', name: string, id: string, role: Role }

type UserCaller = Extract<Caller, { kind: 'user' }>

export const userCaller = (user: { id: string, email: string, role: Role }): UserCaller =>
  ({ kind: 'user', name: user.email, id: user.id, role: user.role })

const ADMIN_TOKEN_NAME = 'STATUS_PAGE_ADMIN_TOKEN'

const adminTokenHash = (() => {
  const token = config.STATUS_PAGE_ADMIN_TOKEN
  return token ? Buffer.from(hashToken(token), 'hex') : undefined
})()

async function tokenCaller(token: string): Promise<Caller | undefined> {
  // Comparing hashes of equal length keeps the comparison constant-time.
  if (adminTokenHash && timingSafeEqual(Buffer.from(hashToken(token), 'hex'), adminTokenHash)) {
    return { kind: 'token', name: ADMIN_TOKEN_NAME, scope: 'read-write', bootstrap: true }
  }
  const found = await findToken(await useDatabase(), token)
  return found && { kind: 'token', ...found, bootstrap: false }
}

const isSafeMethod = (event: H3Event) => ['GET', 'HEAD', 'OPTIONS'].includes(event.method)

/**
 * The caller, authenticated by the bearer token when the request has an Authorization header,
 * else by the session cookie (whose writes must not be forged); 401 for anyone else.
 */
async function authenticateCaller(event: H3Event): Promise<Caller> {
  // Whatever needed credentials is nobody else's to cache.
  setResponseHeader(event, 'cache-control', 'no-store')
  const header = getRequestHeader(event, 'authorization')
  if (header || !hasSessionCookie(event)) {
    const token = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1]
    if (!token) throw new Problem(401, 'Unauthorized', 'Writing needs an Authorization: Bearer <token> header.')
    const caller = await tokenCaller(token)
    if (!caller) throw new Problem(401, 'Unauthorized', 'The bearer token is not known or was revoked.')
    return caller
  }
  const session = await activeSession(event)
  if (!session) throw new Problem(401, 'Unauthorized', 'The session has ended; sign in again.')
  if (!isSafeMethod(event)) assertNotForged(event, session)
  return userCaller(session.user)
}

/**
 * The caller, when allowed to write incidents and what they are built from through the API: a
 * read-write token, or a signed-in user (editors and admins alike); 401 or 403 else.
 */
export async function requireWriteAccess(event: H3Event): Promise<Caller> {
  const caller = await authenticateCaller(event)
  if (caller.kind === 'token' && caller.scope !== 'read-write') throw new Problem(403, 'Forbidden', `The token "${caller.name}" may only read.`)
  event.context.caller = caller
  return caller
}

/** The signed-in user, for what only people do, such as changing their own password. */
export async function requireUser(event: H3Event): Promise<UserCaller> {
  const caller = await authenticateCaller(event)
  if (caller.kind !== 'user') throw new Problem(403, 'Forbidden', 'Only a signed-in user can do this, not an API token.')
  event.context.caller = caller
  return caller
}

/**
 * The caller, when allowed to manage users, API tokens, settings and to read the audit log: an
 * admin's session, or STATUS_PAGE_ADMIN_TOKEN. Other tokens may not, so that no token can mint
 * itself more power.
 */
export async function requireAdmin(event: H3Event): Promise<Caller> {
  const caller = await authenticateCaller(event)
  const allowed = caller.kind === 'user' ? caller.role === 'admin' : caller.bootstrap
  if (!allowed) {
    throw new Problem(403, 'Forbidden', caller.kind === 'user'
      ? `${caller.name} is an editor; this needs an admin.`
      : `API tokens other than ${ADMIN_TOKEN_NAME} cannot do this; an admin must.`)
  }
  event.context.caller = caller
  return caller
}

declare module 'h3' {
  interface H3EventContext {
    /** Who made the request, once authenticated. */
    caller?: Caller
  }
}
