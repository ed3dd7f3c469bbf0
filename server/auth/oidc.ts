// OpenID Connect sign-in with the authorization code flow, PKCE, state and nonce (openid-client).
// The flow's secrets wait in a short-lived sealed cookie between leaving for the identity
// provider and coming back.
import type { H3Event } from 'h3'
import * as client from 'openid-client'
import { adminReturnPath } from '../../shared/return-path'
import { config } from '../config'
import type { SingleSignOnRefusal } from '../../shared/admin/access'
import { deleteSealed, readSealed, writeSealed } from './session'
import { emailVouchedFor, roleFor } from './single-sign-on'
import { userForSingleSignOn, type SessionUserRow } from '../services/users'

const FLOW_COOKIE = 'status_page_oidc'
const FLOW_SECONDS = 10 * 60
const CALLBACK_PATH = '/api/session/oidc/callback'

interface Flow extends Record<string, unknown> { state: string, nonce: string, verifier: string, next: string }

/** Thrown to end a sign-in with a reason the sign-in page can show. */
export class SingleSignOnRefused extends Error {
  constructor(readonly reason: SingleSignOnRefusal, detail?: string) {
    super(detail ?? reason)
  }
}

/** Back to the sign-in page, which says why in words of its own. */
export function refuseSingleSignOn(event: H3Event, error: unknown) {
  const reason: SingleSignOnRefusal = error instanceof SingleSignOnRefused ? error.reason : 'failed'
  if (!(error instanceof SingleSignOnRefused) || reason === 'failed') console.error('Single sign-on failed:', error)
  else console.warn(`Single sign-on refused: ${error.message}`)
  return sendRedirect(event, `/admin/sign-in?error=${reason}`)
}

// Plain HTTP only for a provider on this machine (development and tests).
const isLoopback = (url: URL) => ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname)

// Discovered once per process, and again after a failure.
let discovered: Promise<client.Configuration> | undefined
function providerConfiguration(): Promise<client.Configuration> {
  const { STATUS_PAGE_OIDC_ISSUER: issuer, STATUS_PAGE_OIDC_CLIENT_ID: clientId, STATUS_PAGE_OIDC_CLIENT_SECRET: secret } = config
  if (!issuer || !clientId || !secret) throw new SingleSignOnRefused('unavailable')
  const url = new URL(issuer)
  discovered ??= client.discovery(url, clientId, secret, undefined, url.protocol === 'http:' && isLoopback(url) ? { execute: [client.allowInsecureRequests] } : undefined)
    .catch((error: unknown) => {
      discovered = undefined
      throw error
    })
  return discovered
}

/** The identity provider's authorization URL for a new sign-in that returns to `next`. */
export async function beginSingleSignOn(event: H3Event, next: unknown): Promise<URL> {
  const provider = await providerConfiguration()
  const flow: Flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), next: adminReturnPath(next) }
  await writeSealed(event, FLOW_COOKIE, FLOW_SECONDS, flow)
  return client.buildAuthorizationUrl(provider, {
    redirect_uri: new URL(CALLBACK_PATH, publicOrigin(event)).href,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  })
}

/** Finishes a sign-in at the callback: the user it is for, and where they wanted to go. */
export async function finishSingleSignOn(event: H3Event): Promise<{ user: SessionUserRow, next: string }> {
  const flow = await readSealed<Flow>(event, FLOW_COOKIE, FLOW_SECONDS)
  // One use only: a replayed callback finds no flow.
  deleteSealed(event, FLOW_COOKIE)
  if (!flow?.state || !flow.nonce || !flow.verifier || flow.next === undefined) throw new SingleSignOnRefused('expired')

  const provider = await providerConfiguration()
  const callbackUrl = new URL(event.path, publicOrigin(event))
  const tokens = await client.authorizationCodeGrant(provider, callbackUrl, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  }).catch((error: unknown) => {
    throw new SingleSignOnRefused('failed', `The identity provider's answer was not accepted: ${(error as Error).message}`)
  })
  const idToken = tokens.claims()!
  // Many providers put email and roles only in the userinfo response.
  const userinfo = provider.serverMetadata().userinfo_endpoint ? await client.fetchUserInfo(provider, tokens.access_token, idToken.sub) : {}
  const claims: Record<string, unknown> = { ...idToken, ...userinfo }

  if (typeof claims.email !== 'string' || !claims.email) throw new SingleSignOnRefused('no-email')
  // An email the provider does not vouch for could be anyone's: matching accounts by it needs proof.
  if (!emailVouchedFor(claims, config.STATUS_PAGE_OIDC_REQUIRE_VERIFIED_EMAIL)) throw new SingleSignOnRefused('unverified')
  const email = claims.email.toLowerCase()
  const role = roleFor(email, claims, {
    roleClaim: config.STATUS_PAGE_OIDC_ROLE_CLAIM,
    adminEmails: config.STATUS_PAGE_OIDC_ADMIN_EMAILS,
    editorEmails: config.STATUS_PAGE_OIDC_EDITOR_EMAILS,
  })
  // Userinfo may not name another subject than the ID token (openid-client checks), so both agree.
  const found = await userForSingleSignOn(await useDatabase(), { issuer: idToken.iss, subject: idToken.sub, email }, role)
  if ('refused' in found) throw new SingleSignOnRefused(found.refused, `${email}: ${found.refused}`)
  return { user: found, next: flow.next }
}
