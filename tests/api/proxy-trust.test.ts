import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startApp, type App } from '../support/app'

// A second server of our own behind an imagined reverse proxy (STATUS_PAGE_TRUST_PROXY=true, one
// proxy), on an in-memory database: which client address and protocol it believes, and what it
// says at start. It does not depend on the project's database, so it runs in one project only.

const admin = { email: 'proxy-admin@example.test', password: 'proxy admin password' }
let app: App
let base = ''

const signIn = (password: string, headers: Record<string, string>) => fetch(`${base}/api/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ email: admin.email, password }),
})

/** Twenty failed sign-ins, each from the address `from` gives; what a correct one from `last` then gets. */
async function afterTwentyFailures(from: (i: number) => string, last: string) {
  for (let i = 0; i < 20; i++) {
    const guess = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from(i) },
      body: JSON.stringify({ email: `nobody-${i}-${Math.random()}@example.test`, password: 'wrong' }),
    })
    expect(guess.status).toBe(401)
  }
  return (await signIn(admin.password, { 'x-forwarded-for': last })).status
}

const random = () => Math.floor(Math.random() * 0xffff).toString(16)

describe.skipIf(inject('database') === 'postgres')('behind a trusted proxy', () => {
  beforeAll(async () => {
    app = await startApp({
      DATABASE_URL: 'memory://',
      STATUS_PAGE_TRUST_PROXY: 'true',
      STATUS_PAGE_ADMIN_EMAIL: admin.email,
      STATUS_PAGE_ADMIN_PASSWORD: admin.password,
      STATUS_PAGE_SESSION_SECRET: '',
    })
    base = app.base
  }, 180_000)

  afterAll(() => app.stop())

  it('counts sign-ins by the address the proxy saw (the rightmost X-Forwarded-For), not the ones a client wrote before it', async () => {
    expect(await afterTwentyFailures(i => `198.51.100.${i}, 203.0.113.7`, `198.51.100.99, 203.0.113.7`)).toBe(429)
    expect((await signIn(admin.password, { 'x-forwarded-for': '203.0.113.7, 203.0.113.8' })).status).toBe(200)
  }, 300_000)

  it('counts IPv6 clients by their /64 network', async () => {
    expect(await afterTwentyFailures(() => `2001:db8:7:7:${random()}:${random()}::1`, '2001:db8:7:7::abcd')).toBe(429)
    expect((await signIn(admin.password, { 'x-forwarded-for': '2001:db8:7:8::1' })).status).toBe(200)
  }, 300_000)

  it('believes X-Forwarded-Proto and names the session cookie with the __Host- prefix over TLS', async () => {
    const reply = await signIn(admin.password, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.20' })
    expect(reply.status).toBe(200)
    const cookie = reply.headers.getSetCookie().find(c => c.startsWith('__Host-status_page_session='))!
    expect(cookie).toMatch(/; Secure/i)
    expect(cookie).toMatch(/; Path=\//i)
    expect(cookie).not.toMatch(/; Domain=/i)
    expect(reply.headers.getSetCookie().some(c => c.startsWith('status_page_session='))).toBe(false)
    const session = await fetch(`${base}/api/session`, { headers: { 'cookie': cookie.split(';')[0]!, 'x-forwarded-proto': 'https' } })
    expect((await session.json()).data.user).toMatchObject({ email: admin.email })
  })

  it('still reads a session cookie of the name without the prefix, set before the switch to TLS', async () => {
    const reply = await signIn(admin.password, { 'x-forwarded-for': '203.0.113.21' })
    const cookie = reply.headers.getSetCookie().find(c => c.startsWith('status_page_session='))!
    expect(cookie).not.toMatch(/; Secure/i)
    const session = await fetch(`${base}/api/session`, { headers: { 'cookie': cookie.split(';')[0]!, 'x-forwarded-proto': 'https' } })
    expect((await session.json()).data.user).toMatchObject({ email: admin.email })
  })

  it('warns once at start that the session secret is generated and kept in the database', () => {
    const warnings = app.output().match(/STATUS_PAGE_SESSION_SECRET is not set/g) ?? []
    expect(warnings).toHaveLength(1)
  })
})
