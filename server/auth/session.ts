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

interface SessionData {
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

/** Cookie settings for a sealed cookie: Secure whenever the browser came over TLS. */
export async function sealedCookie(event: H3Event, name: string, maxAge: number): Promise<SessionConfig> {
  return {
    name,
    password: await sessionSecret(),
    maxAge,
    sessionHeader: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: cameOverTls(event), path: '/' },
  }
}

const sessionCookie = (event: H3Event) => sealedCookie(event, SESSION_COOKIE, SESSION_SECONDS)

export const hasSessionCookie = (event: H3Event) => Boolean(getCookie(event, SESSION_COOKIE))

/** The signed-in user behind the request's cookie, unless the session expired or was ended. */
export async function activeSession(event: H3Event): Promise<ActiveSession | undefined> {
  if ('adminSession' in event.context) return event.context.adminSession
  event.context.adminSession = await readSession(event)
  return event.context.adminSession
}

async function readSession(event: H3Event): Promise<ActiveSession | undefined> {
  const sealed = getCookie(event, SESSION_COOKIE)
  if (!sealed) return undefined
  // Unsealing directly, not through getSession, so that reading never sets a cookie.
  const session = await unsealSession(event, await sessionCookie(event), sealed).catch(() => undefined)
  const data = session?.data as SessionData | undefined
  if (!data?.userId) return undefined
  const user = await findSessionUser(await useDatabase(), data.userId, data.version)
  return user && { user, csrfToken: data.csrf }
}

/** Puts the user's current session version and a fresh CSRF token into this browser's cookie. */
export async function startSession(event: H3Event, user: SessionUserRow): Promise<ActiveSession> {
  const csrfToken = randomBytes(32).toString('base64url')
  const session = await useSession<SessionData>(event, await sessionCookie(event))
  await session.update({ userId: user.id, version: user.sessionVersion, csrf: csrfToken })
  event.context.adminSession = { user, csrfToken }
  return event.context.adminSession
}

/** Signs a user in, however they proved who they are, and says so in the audit log. */
export async function signIn(event: H3Event, user: SessionUserRow): Promise<ActiveSession> {
  await recordSignIn(await useDatabase(), user.id)
  event.context.caller = userCaller(user)
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
  const { cookie } = await sessionCookie(event)
  deleteCookie(event, SESSION_COOKIE, cookie || undefined)
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
