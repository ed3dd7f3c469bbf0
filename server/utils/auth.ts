// Who may write: a bearer token, either the bootstrap admin token or one stored hashed.
import { timingSafeEqual } from 'node:crypto'
import type { H3Event } from 'h3'
import { readConfig } from '../config'
import { Problem } from '../services/problem'
import { findToken, hashToken } from '../services/tokens'

export interface Caller { name: string, scope: 'read-write' | 'read-only' }

const adminTokenHash = (() => {
  const token = readConfig().STATUS_PAGE_ADMIN_TOKEN
  return token ? Buffer.from(hashToken(token), 'hex') : undefined
})()

async function callerOf(token: string): Promise<Caller | undefined> {
  // Comparing hashes of equal length keeps the comparison constant-time.
  if (adminTokenHash && timingSafeEqual(Buffer.from(hashToken(token), 'hex'), adminTokenHash)) {
    return { name: 'STATUS_PAGE_ADMIN_TOKEN', scope: 'read-write' }
  }
  return findToken(await useDatabase(), token)
}

/** The caller behind a bearer token with read-write scope; 401 or 403 for anyone else. */
export async function requireWriteAccess(event: H3Event): Promise<Caller> {
  const header = getRequestHeader(event, 'authorization')
  const token = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1]
  if (!token) throw new Problem(401, 'Unauthorized', 'Writing needs an Authorization: Bearer <token> header.')
  const caller = await callerOf(token)
  if (!caller) throw new Problem(401, 'Unauthorized', 'The bearer token is not known or was revoked.')
  if (caller.scope !== 'read-write') throw new Problem(403, 'Forbidden', `The token "${caller.name}" may only read.`)
  event.context.caller = caller
  return caller
}
