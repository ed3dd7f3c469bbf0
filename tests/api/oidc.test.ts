import { describe, expect, inject, it } from 'vitest'
import { expectResponse, get, patch, post, tokens } from './client'
import { createUser, signInReply } from './browser'
import { uniqueName } from './fixtures'

// Single sign-on against the real OpenID Connect provider the harness started (oidc-provider):
// a small browser with cookies per origin follows every redirect by hand.

class Browser {
  readonly #jars = new Map<string, Map<string, string>>()

  cookies(origin: string): string {
    return [...(this.#jars.get(origin) ?? [])].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  async request(url: string, form?: Record<string, string>): Promise<Response> {
    const { origin } = new URL(url)
    const jar = this.#jars.get(origin) ?? new Map<string, string>()
    this.#jars.set(origin, jar)
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers: { cookie: this.cookies(origin), ...(form && { 'content-type': 'application/x-www-form-urlencoded' }) },
      body: form && new URLSearchParams(form).toString(),
      redirect: 'manual',
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';')
      const name = pair.slice(0, pair.indexOf('=')).trim()
      const value = pair.slice(pair.indexOf('=') + 1)
      if (!value || attributes.some(a => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a))) jar.delete(name)
      else jar.set(name, value)
    }
    return response
  }
}

const base = () => inject('baseUrl')
const at = (response: Response, url: string) => new URL(response.headers.get('location')!, url).href

interface Outcome { browser: Browser, landing: URL, authorization: URL, callback: string }

/** Signs in through the provider as `login`, giving consent if asked; where the status page sends the browser in the end. */
async function singleSignOn(login: string, next = '/admin/incidents', browser = new Browser()): Promise<Outcome> {
  let url = `${base()}/api/session/oidc?next=${encodeURIComponent(next)}`
  let response = await browser.request(url)
  const authorization = new URL(at(response, url))
  let callback = ''
  for (let hop = 0; hop < 20; hop++) {
    if (!response.headers.get('location')) throw new Error(`stopped at ${response.status} ${url}: ${await response.text()}`)
    url = at(response, url)
    if (url.startsWith(`${base()}/api/session/oidc/callback`)) callback = url
    else if (url.startsWith(base())) return { browser, landing: new URL(url), authorization, callback }
    if (/\/interaction\/[^/]+$/.test(new URL(url).pathname)) {
      const page = await (await browser.request(url)).text()
      response = await browser.request(url, page.includes('name="login"') ? { prompt: 'login', login, password: 'anything' } : { prompt: 'consent' })
    }
    else response = await browser.request(url)
  }
  throw new Error('too many redirects')
}

async function sessionOf(browser: Browser) {
  return expectResponse(await get('/api/session', { headers: { cookie: browser.cookies(base()) } }), 'getSession', 200).data
}

const email = (prefix: string) => `${prefix}-${uniqueName('sso').replaceAll(' ', '-')}@example.test`

describe('single sign-on', () => {
  it('asks the provider with PKCE (S256), state and nonce, returning to our callback', async () => {
    const { authorization } = await singleSignOn('sso-admin@example.test')
    expect(authorization.origin).toBe(inject('oidcIssuer'))
    const params = authorization.searchParams
    expect(params.get('response_type')).toBe('code')
    expect(params.get('client_id')).toBe('status-page')
    expect(params.get('code_challenge_method')).toBe('S256')
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/)
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/)
    expect(params.get('redirect_uri')).toBe(`${base()}/api/session/oidc/callback`)
  })

  it('creates an admin listed in STATUS_PAGE_OIDC_ADMIN_EMAILS and signs them in where they wanted to go', async () => {
    const { browser, landing } = await singleSignOn('sso-admin@example.test', '/admin/audit')
    expect(landing.pathname).toBe('/admin/audit')
    const session = await sessionOf(browser)
    expect(session.user).toMatchObject({ email: 'sso-admin@example.test', role: 'admin' })
    // The session works like any other: an admin-only read, and a write with the CSRF token.
    const cookie = browser.cookies(base())
    expectResponse(await get('/api/users', { headers: { cookie } }), 'getUsers', 200)
    const users = expectResponse(await get('/api/users', { token: tokens.admin }), 'getUsers', 200).data
    expect(users.find((user: { email: string }) => user.email === 'sso-admin@example.test')).toMatchObject({ role: 'admin', hasPassword: false })
  })

  it('creates an editor whose role claim says so', async () => {
    const login = email('editor')
    const { browser, landing } = await singleSignOn(login)
    expect(landing.pathname).toBe('/admin/incidents')
    expect((await sessionOf(browser)).user).toMatchObject({ email: login, role: 'editor' })
  })

  it('finds an existing user by email, who keeps their role', async () => {
    const { email: login } = await createUser('admin')
    const { browser } = await singleSignOn(login)
    expect((await sessionOf(browser)).user).toMatchObject({ email: login, role: 'admin' })
  })

  it('refuses someone with no account and no role, and says why', async () => {
    const login = email('nobody')
    const { browser, landing } = await singleSignOn(login)
    expect(`${landing.pathname}${landing.search}`).toBe('/admin/sign-in?error=no-access')
    expect((await sessionOf(browser)).user).toBeUndefined()
    const users = expectResponse(await get('/api/users', { token: tokens.admin }), 'getUsers', 200).data
    expect(users.some((user: { email: string }) => user.email === login)).toBe(false)
    const page = await (await fetch(landing)).text()
    expect(page).toContain('You have no account here')
  })

  it('refuses an email the provider has not verified', async () => {
    const { landing } = await singleSignOn(email('unverified'))
    expect(landing.searchParams.get('error')).toBe('unverified')
  })

  it('refuses a disabled user', async () => {
    const { id, email: login } = await createUser('editor')
    expectResponse(await patch(`/api/users/${id}`, { disabled: true }), 'updateUser', 204)
    const { landing } = await singleSignOn(login)
    expect(landing.searchParams.get('error')).toBe('disabled')
  })

  it('refuses a callback with another state, and a callback used twice', async () => {
    // Run one flow to get a valid callback URL, then replay it: the flow cookie is gone.
    const first = await singleSignOn(email('editor'))
    const replayed = await first.browser.request(first.callback)
    expect(replayed.headers.get('location')).toBe('/admin/sign-in?error=expired')

    const browser = new Browser()
    const start = await browser.request(`${base()}/api/session/oidc`)
    expect(start.status).toBe(302)
    const forged = new URL(first.callback)
    forged.searchParams.set('state', 'not-the-state-we-sent')
    const refused = await browser.request(forged.href)
    expect(refused.headers.get('location')).toBe('/admin/sign-in?error=failed')
    expect((await sessionOf(browser)).user).toBeUndefined()
  })

  it('sends nobody to another site after signing in', async () => {
    const { landing } = await singleSignOn('sso-admin@example.test', 'https://attacker.example/admin')
    expect(landing.href).toBe(`${base()}/admin`)
  })

  it('shows in the audit log', async () => {
    const login = email('editor')
    await singleSignOn(login)
    const entries = expectResponse(await get(`/api/audit?actor=${encodeURIComponent(login)}`, { token: tokens.admin }), 'getAuditLog', 200).data
    expect(entries).toEqual([expect.objectContaining({ actorKind: 'user', method: 'GET', path: '/api/session/oidc/callback', resourceKind: 'session' })])
  })

  it('is offered on the sign-in page', async () => {
    expect(expectResponse(await get('/api/session'), 'getSession', 200).data.signInMethods).toEqual(['password', 'oidc'])
  })
})

describe('single sign-on matching people to users', () => {
  /** A user with exactly this email, made by the bootstrap token. */
  const userWithEmail = async (login: string) =>
    expectResponse(await post('/api/users', { email: login, role: 'admin', password: 'correct horse battery' }), 'createUser', 201)

  it('matches by email only when the provider says email_verified: true, not when it says nothing or "false"', async () => {
    for (const prefix of ['unclaimed', 'stringfalse']) {
      const login = email(prefix)
      await userWithEmail(login)
      const { browser, landing } = await singleSignOn(login)
      expect(landing.searchParams.get('error')).toBe('unverified')
      expect((await sessionOf(browser)).user).toBeUndefined()
    }
  })

  it('binds a user to the provider\'s subject on the first sign-in; another subject with the same email is refused', async () => {
    const login = email('bound')
    await userWithEmail(login)
    expect((await sessionOf((await singleSignOn(login)).browser)).user).toMatchObject({ email: login })
    const { browser, landing } = await singleSignOn(`someone-else|${login}`)
    expect(landing.searchParams.get('error')).toBe('other-identity')
    expect((await sessionOf(browser)).user).toBeUndefined()
  })

  it('binds a user it creates, so nobody else takes the account with their email', async () => {
    const login = email('editor')
    await singleSignOn(login)
    const { landing } = await singleSignOn(`impostor|${login}`)
    expect(landing.searchParams.get('error')).toBe('other-identity')
  })

  it('signs in someone whose email is slowed down for password sign-ins by others\' guesses', async () => {
    const { email: login } = await createUser('editor')
    for (let i = 0; i < 5; i++) await signInReply(login, `guess ${i}`)
    expect((await signInReply(login, 'another guess')).status).toBe(429)
    const { browser } = await singleSignOn(login)
    expect((await sessionOf(browser)).user).toMatchObject({ email: login })
  }, 300_000)
})
