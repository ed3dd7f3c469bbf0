// Admin sessions: a sealed (encrypted and signed) HttpOnly cookie that holds the user's id, the
// user's session version and the session's CSRF token. Nothing is stored on the server.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { H3Event, SessionConfig } from 'h3'
import { config } from '../config'
import { Problem } from '../problem'
import { userCaller } from './callers'
import { storedSecret } from './secrets'
import { findSessionUser, recordSignIn, type SessionUserRow } from '../services/users'
import type { SessionInfoData } from '../../openapi/admin-schemas'

interface SessionData extends Record<string, unknown> {
  userId: string
  version: number
  csrf: string
}

export interface ActiveSession {
  user: SessionUserRow
  csrfToken: string
}

const SESSION_COOKIE = 'status_page_session'
const SESSION_SECONDS = 12 * 60 * 60

const configuredSecret = config.STATUS_PAGE_SESSION_SECRET
let generatedSecret: Promise<string> | undefined

function sessionSecret(): Promise<string> {
  if (configuredSecret) return Promise.resolve(configuredSecret)
  generatedSecret ??= useDatabase().then(db => storedSecret(db, 'session')).catch((error: unknown) => {
    generatedSecret = undefined
    throw error
  })
  return generatedSecret
}

// Over TLS our cookies take the __Host- prefix, which browsers accept only when Secure, for
// path / and without a domain, so no sibling host or plain-HTTP page can set or shadow them.
// The plain name is still read, so sessions begun before a switch to TLS carry on.
const hostOnly = (name: string) => `__Host-${name}`

const cookieOptions = (event: H3Event) => ({ httpOnly: true, sameSite: 'lax' as const, secure: cameOverTls(event), path: '/' })

/** Cookie settings for a sealed cookie: Secure and __Host- named whenever the browser came over TLS. */
async function sealedCookie(event: H3Event, name: string, maxAge: number): Promise<SessionConfig> {
  const cookie = cookieOptions(event)
  return { name: cookie.secure ? hostOnly(name) : name, password: await sessionSecret(), maxAge, sessionHeader: false, cookie }
}

const sealedValue = (event: H3Event, name: string) => getCookie(event, hostOnly(name)) ?? getCookie(event, name)

/** The data of a sealed cookie, unless it is missing, forged or expired. Reading sets no cookie. */
export async function readSealed<T>(event: H3Event, name: string, maxAge: number): Promise<Partial<T> | undefined> {
  const sealed = sealedValue(event, name)
  if (!sealed) return undefined
  const session = await unsealSession(event, await sealedCookie(event, name, maxAge), sealed).catch(() => undefined)
  return session?.data as Partial<T> | undefined
}

// A __Host- cookie is only deleted by a Set-Cookie that is Secure as well.
function deleteIfSent(event: H3Event, name: string) {
  if (getCookie(event, name)) deleteCookie(event, name, { ...cookieOptions(event), secure: name.startsWith('__Host-') || cameOverTls(event) })
}

/** Seals the data into the cookie, replacing one of the other name. */
export async function writeSealed<T extends Record<string, unknown>>(event: H3Event, name: string, maxAge: number, data: T) {
  const config = await sealedCookie(event, name, maxAge)
  const session = await useSession<T>(event, config)
  await session.update(data)
  deleteIfSent(event, config.name === name ? hostOnly(name) : name)
}

/** Deletes the cookie under both names. */
export function deleteSealed(event: H3Event, name: string) {
  deleteIfSent(event, name)
  deleteIfSent(event, hostOnly(name))
}

export const hasSessionCookie = (event: H3Event) => Boolean(sealedValue(event, SESSION_COOKIE))

/** The signed-in user behind the request's cookie, unless the session expired or was ended. */
export async function activeSession(event: H3Event): Promise<ActiveSession | undefined> {
  if ('adminSession' in event.context) return event.context.adminSession
  event.context.adminSession = await readSession(event)
  return event.context.adminSession
}

async function readSession(event: H3Event): Promise<ActiveSession | undefined> {
  const data = await readSealed<SessionData>(event, SESSION_COOKIE, SESSION_SECONDS)
  if (!data?.userId || data.version === undefined || !data.csrf) return undefined
  const user = await findSessionUser(await useDatabase(), data.userId, data.version)
  return user && { user, csrfToken: data.csrf }
}

/** Puts the user's current session version and a fresh CSRF token into this browser's cookie. */
export async function startSession(event: H3Event, user: SessionUserRow): Promise<ActiveSession> {
  const csrfToken = randomBytes(32).toString('base64url')
  await writeSealed<SessionData>(event, SESSION_COOKIE, SESSION_SECONDS, { userId: user.id, version: user.sessionVersion, csrf: csrfToken })
  event.context.adminSession = { user, csrfToken }
  return event.context.adminSession
}

/** Signs a user in, however they proved who they are, and says so in the audit log. */
export async function signIn(event: H3Event, user: SessionUserRow): Promise<ActiveSession> {
  await recordSignIn(await useDatabase(), user.id)
  event.context.caller = userCaller(user)
  await rememberDevice(event, user.email)
  return startSession(event, user)
}

const signInMethods: SessionInfoData['signInMethods'] = config.STATUS_PAGE_OIDC_ISSUER ? ['password', 'oidc'] : ['password']

/** What GET /api/session tells the admin pages. */
export function describeSession(session: ActiveSession | undefined): SessionInfoData {
  if (!session) return { signInMethods }
  const { id, email, role } = session.user
  return { user: { id, email, role }, csrfToken: session.csrfToken, signInMethods }
}

export async function endSession(event: H3Event) {
  deleteSealed(event, SESSION_COOKIE)
  event.context.adminSession = undefined
}

/**
 * Cross-site request forgery: a write with the session cookie must carry the session's token in
 * `x-csrf-token`, which other sites cannot read, and must not come from another origin.
 */
export function assertNotForged(event: H3Event, session: ActiveSession) {
  const sent = Buffer.from(getRequestHeader(event, 'x-csrf-token') ?? '')
  const expected = Buffer.from(session.csrfToken)
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    throw new Problem(403, 'Forbidden', 'A signed-in write needs the x-csrf-token header with the token from GET /api/session.')
  }
  assertSameOrigin(event)
}

/** Browsers name the origin of every write; one from another site is refused. */
export function assertSameOrigin(event: H3Event) {
  const origin = getRequestHeader(event, 'origin')
  if (origin && origin !== publicOrigin(event)) throw new Problem(403, 'Forbidden', `Requests from ${origin} may not do this.`)
}

declare module 'h3' {
  interface H3EventContext {
    /** The request's session, once looked up; undefined when there is none. */
    adminSession?: ActiveSession
  }
}
