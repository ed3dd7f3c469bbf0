// The subscription pages' forms, posted as a browser without JavaScript posts them: an app of its
// own with SMTP pointing at a mail server in this process; and the shared server, which has none.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startApp, type App } from '../support/app'
import { startMailbox } from '../support/mailbox'
import { createTestDatabase } from '../support/postgres'
import { get as getFromShared, request as requestShared } from './client'

const adminToken = 'subscribe-form-admin-token-0123456789'
let mailbox: Awaited<ReturnType<typeof startMailbox>>
let app: App
const cleanups: (() => Promise<unknown>)[] = []

// A client address of its own for each request (the app trusts one proxy), so that the limit per
// client stays out of the way except where a test means to reach it.
let clients = 0
const anotherClient = () => `198.51.100.${++clients % 250}`

async function call(method: string, path: string, init: { json?: unknown, form?: [string, string][], headers?: Record<string, string> } = {}) {
  const response = await fetch(`${app.base}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      'x-forwarded-for': anotherClient(),
      ...(init.json !== undefined && { 'content-type': 'application/json' }),
      ...(init.form && { 'content-type': 'application/x-www-form-urlencoded' }),
      ...init.headers,
    },
    body: init.form ? new URLSearchParams(init.form).toString() : init.json === undefined ? undefined : JSON.stringify(init.json),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text }
}
/** Posts a form and returns where its redirect leads. */
async function submit(path: string, form: [string, string][], headers?: Record<string, string>) {
  const reply = await call('POST', path, { form, headers })
  expect(reply.status, String(reply.body)).toBe(303)
  return reply.headers.get('location')!
}
const admin = { authorization: `Bearer ${adminToken}` }
let serial = 0
const address = (name: string) => `form-${name}-${++serial}-${Date.now()}@example.test`
const tokenIn = (text: string | false | undefined) => /token=([\w-]{43})/.exec(text || '')?.[1]
const subscription = async (token: string) => (await call('GET', `/api/subscriptions/${token}`)).body.data

async function subscribed(email: string, form: [string, string][] = []) {
  expect(await submit('/subscribe', [['email', email], ...form])).toBe('/subscriptions/sent')
  return tokenIn((await mailbox.waitFor(email)).text)!
}

async function confirmed(email: string) {
  const token = await subscribed(email)
  expect(await submit('/subscriptions/confirm', [['token', token]])).toBe(`/subscriptions/confirm?token=${token}`)
  return token
}

let computeId: string
let storageId: string

beforeAll(async () => {
  mailbox = await startMailbox()
  cleanups.push(mailbox.close)
  const env: Record<string, string | undefined> = {
    STATUS_PAGE_SMTP_URL: mailbox.url,
    STATUS_PAGE_MAIL_FROM: 'Status <status@example.test>',
    STATUS_PAGE_PUBLIC_URL: 'https://status.example.test',
    STATUS_PAGE_ADMIN_TOKEN: adminToken,
    STATUS_PAGE_TRUST_PROXY: '1',
    DATABASE_URL: 'memory://',
  }
  if (inject('database') === 'postgres') {
    const database = await createTestDatabase('status_page_subscribe_form')
    cleanups.push(database.drop)
    env.DATABASE_URL = database.url
  }
  app = await startApp(env)
  const create = async (body: object) => (await call('POST', '/api/components', { json: body, headers: admin })).body.id as string
  computeId = await create({ displayName: 'Compute', labels: { region: 'de-west' } })
  storageId = await create({ displayName: 'Storage', labels: { region: 'de-east' } })
}, 180_000)

afterAll(async () => {
  await app?.stop()
  for (const cleanup of cleanups.reverse()) await cleanup()
})

describe('the subscribe form', () => {
  it('is linked from the page, lists the components and label values to choose, and speaks the visitor\'s language', async () => {
    const home = await call('GET', '/')
    expect(home.body).toContain('data-testid="subscribe-link"')
    const page = await call('GET', '/subscribe')
    expect(page.status).toBe(200)
    expect(page.body).toContain('action="/subscribe" method="post"')
    expect(page.body).toContain(`value="${computeId}"`)
    expect(page.body).toMatch(/name="label:region" value="de-east"/)
    // The language and time zone default to the visitor's.
    const german = await call('GET', '/subscribe', { headers: { cookie: 'locale=de; tz=Europe/Berlin' } })
    expect(german.body).toContain('Per E-Mail abonnieren')
    expect(german.body).toMatch(/<option[^>]*value="de"[^>]*selected/)
    expect(german.body).toMatch(/<option[^>]*selected[^>]*>Europe\/Berlin</)
  })

  it('subscribes without JavaScript: 303 to the mailbox page, then the confirmation mail', async () => {
    const email = address('new')
    const token = await subscribed(email, [['components', storageId], ['label:region', 'de-west'], ['locale', 'de'], ['timeZone', 'Europe/Berlin']])
    expect(await subscription(token)).toMatchObject({ email, components: [storageId], labels: { region: 'de-west' }, locale: 'de', timeZone: 'Europe/Berlin', confirmed: false })
    expect((await mailbox.waitFor(email)).subject).toMatch(/bestätigen/i)
    expect((await call('GET', '/subscriptions/sent')).body).toContain('Check your mailbox')
  })

  it('with nothing ticked subscribes to everything', async () => {
    const token = await subscribed(address('all'), [['label:region', '']])
    expect(await subscription(token)).toMatchObject({ components: [], labels: {}, locale: 'en', timeZone: 'UTC' })
  })

  it('answers a confirmed address the same, and sends it nothing', async () => {
    const email = address('again')
    await confirmed(email)
    expect(await submit('/subscribe', [['email', email]])).toBe('/subscriptions/sent')
    await new Promise(resolve => setTimeout(resolve, 1500))
    expect(mailbox.to(email)).toHaveLength(1)
  })

  it.each([
    ['a malformed address', [['email', 'not-an-address']], 'email', 'Enter a valid email address.'],
    ['an unknown component', [['email', 'x@example.test'], ['components', '00000000-0000-4000-8000-000000000000']], 'components', 'One of the chosen components does not exist'],
    ['an unknown label', [['email', 'x@example.test'], ['label:planet', 'mars']], 'labels', 'One of the chosen labels does not exist'],
    ['an unknown time zone', [['email', 'x@example.test'], ['timeZone', 'Mars/Olympus']], 'timeZone', 'Choose one of the time zones offered.'],
  ] as [string, [string, string][], string, string][])('sends %s back to the form with the field named', async (_, form, field, message) => {
    const location = await submit('/subscribe', form)
    expect(location).toBe(`/subscribe?error=${field}`)
    const page = await call('GET', location)
    expect(page.body).toContain('data-testid="form-errors"')
    expect(page.body).toContain(message)
    const subscribers = (await call('GET', '/api/subscribers', { headers: admin })).body.data as { email: string }[]
    expect(subscribers.some(subscriber => subscriber.email === 'x@example.test')).toBe(false)
  })

  it('marks the email field of a refused address', async () => {
    const page = await call('GET', '/subscribe?error=email')
    expect(page.body).toMatch(/id="subscription-email"[^>]*aria-invalid="true"[^>]*aria-describedby="email-error"/)
  })

  it('sends a body that is not a form back as unreadable', async () => {
    const reply = await call('POST', '/subscribe', { json: { email: address('json') } })
    expect(reply.status).toBe(303)
    expect(reply.headers.get('location')).toBe('/subscribe?error=invalid')
    const big = await call('POST', '/subscribe', { form: [['email', 'x'.repeat(1024 * 1024 + 1)]] })
    expect(big.headers.get('location')).toBe('/subscribe?error=invalid')
  })

  it('counts against the same limits as the API', async () => {
    const email = address('bombed')
    for (let i = 0; i < 2; i++) expect(await submit('/subscribe', [['email', email]])).toBe('/subscriptions/sent')
    expect((await call('POST', '/api/subscriptions', { json: { email } })).status).toBe(202)
    expect(await submit('/subscribe', [['email', email]])).toBe('/subscribe?error=rate')
    expect((await call('GET', '/subscribe?error=rate')).body).toContain('Too many subscribe requests')
  })
})

describe('the confirmation page', () => {
  it('confirms only by its button, then shows the subscription and the manage link', async () => {
    const token = await subscribed(address('confirm'), [['components', computeId]])
    const page = await call('GET', `/subscriptions/confirm?token=${token}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('action="/subscriptions/confirm" method="post"')
    expect(page.body).toContain(`name="token" value="${token}"`)
    expect((await subscription(token)).confirmed).toBe(false)

    expect(await submit('/subscriptions/confirm', [['token', token]])).toBe(`/subscriptions/confirm?token=${token}`)
    expect((await subscription(token)).confirmed).toBe(true)
    const done = await call('GET', `/subscriptions/confirm?token=${token}`)
    expect(done.body).toContain('Subscription confirmed')
    expect(done.body).toContain('Compute')
    expect(done.body).toContain(`href="/subscriptions/manage?token=${token}"`)
  })

  it('is never served from the shared page cache and sends no referrer', async () => {
    const token = await subscribed(address('private'))
    for (const path of [`/subscriptions/confirm?token=${token}`, `/subscriptions/manage?token=${token}`]) {
      for (let i = 0; i < 2; i++) {
        const page = await call('GET', path)
        expect(page.status).toBe(200)
        expect(page.headers.get('x-cache')).toBeNull()
        expect(page.headers.get('referrer-policy')).toBe('no-referrer')
        expect(page.headers.get('cache-control')).toBe('no-store')
        expect(page.body).toContain('<meta name="referrer" content="no-referrer">')
      }
    }
    // Other pages stay in the cache.
    await call('GET', '/subscribe')
    expect((await call('GET', '/subscribe')).headers.get('x-cache')).toBe('hit')
  })

  it('explains unknown, malformed and expired links', async () => {
    const unknown = 'A'.repeat(43)
    expect((await call('GET', `/subscriptions/confirm?token=${unknown}`)).body).toContain('This link is not valid (any more)')
    expect((await call('GET', '/subscriptions/confirm?token=nonsense')).body).toContain('This link is not valid (any more)')
    expect((await call('GET', '/subscriptions/manage?token=nonsense')).body).toContain('This link is not valid (any more)')
    expect(await submit('/subscriptions/confirm', [['token', unknown]])).toBe(`/subscriptions/confirm?token=${unknown}&error=unknown`)
    expect(await submit('/subscriptions/confirm', [['token', 'nonsense']])).toBe('/subscriptions/confirm?error=unknown')
    // The service answers 410 after 48 hours (tests/api/subscriptions.test.ts); the form comes back with error=expired.
    const token = await subscribed(address('expired'))
    const expired = await call('GET', `/subscriptions/confirm?token=${token}&error=expired`)
    expect(expired.body).toContain('This confirmation link has expired')
    expect(expired.body).not.toContain('action="/subscriptions/confirm"')
  })
})

describe('the manage page', () => {
  it('shows what the subscription covers and changes it', async () => {
    const token = await confirmed(address('manage'))
    const page = await call('GET', `/subscriptions/manage?token=${token}`)
    expect(page.body).toContain('All incidents and maintenance')
    expect(page.body).toContain('action="/subscriptions/manage" method="post"')

    const saved = await submit('/subscriptions/manage', [['token', token], ['components', computeId], ['label:region', 'de-east'], ['locale', 'de'], ['timeZone', 'America/New_York']])
    expect(saved).toBe(`/subscriptions/manage?token=${token}&saved=1`)
    expect(await subscription(token)).toMatchObject({ components: [computeId], labels: { region: 'de-east' }, locale: 'de', timeZone: 'America/New_York' })
    const after = await call('GET', saved)
    expect(after.body).toContain('Your changes are saved.')
    expect(after.body).toMatch(new RegExp(`value="${computeId}" checked`))

    // Nothing ticked: everything again.
    await submit('/subscriptions/manage', [['token', token], ['locale', 'de'], ['timeZone', 'America/New_York']])
    expect(await subscription(token)).toMatchObject({ components: [], labels: {} })
  })

  it('sends a refused change back with the field named, and changes nothing', async () => {
    const token = await confirmed(address('refused'))
    expect(await submit('/subscriptions/manage', [['token', token], ['label:planet', 'mars']])).toBe(`/subscriptions/manage?token=${token}&error=labels`)
    expect((await subscription(token)).labels).toEqual({})
    expect(await submit('/subscriptions/manage', [['token', 'nonsense']])).toBe('/subscriptions/manage?error=unknown')
  })

  it('deletes the subscription and everything kept about it', async () => {
    const email = address('delete')
    const token = await confirmed(email)
    expect(await submit('/subscriptions/delete', [['token', token]])).toBe('/subscriptions/deleted')
    expect((await call('GET', `/api/subscriptions/${token}`)).status).toBe(404)
    const subscribers = (await call('GET', '/api/subscribers', { headers: admin })).body.data as { email: string }[]
    expect(subscribers.some(subscriber => subscriber.email === email)).toBe(false)
    expect((await call('GET', '/subscriptions/deleted')).body).toContain('Subscription deleted')
    expect(await submit('/subscriptions/delete', [['token', token]])).toBe(`/subscriptions/manage?token=${token}&error=unknown`)
  })
})

describe('without SMTP', () => {
  it('offers no subscriptions: no link, a page that says so, and forms sent back', async () => {
    expect((await getFromShared('/')).body).not.toContain('data-testid="subscribe-link"')
    const page = await getFromShared('/subscribe')
    expect(page.status).toBe(200)
    expect(page.body).toContain('data-testid="subscriptions-not-offered"')
    expect(page.body).not.toContain('<form action="/subscribe"')
    const reply = await requestShared('POST', '/subscribe', {
      raw: new URLSearchParams({ email: 'nobody@example.test' }).toString(),
      token: null,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    // fetch follows the redirect: back to the page, which says why.
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('data-testid="subscriptions-not-offered"')
  })
})
