import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ParsedMail } from 'mailparser'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { SubscriptionData } from '../../openapi/subscription-schemas'
import { startApp, type App } from '../support/app'
import { startMailbox } from '../support/mailbox'
import { createTestDatabase } from '../support/postgres'
import { expectProblem, post as postToShared } from './client'

// An app of its own, with SMTP pointing at a mail server in this process, on a database of its
// own that survives a restart (PGlite on disk, or a PostgreSQL database).
const adminToken = 'subscriptions-admin-token-0123456789'
let mailbox: Awaited<ReturnType<typeof startMailbox>>
let app: App
let env: Record<string, string | undefined>
const cleanups: (() => Promise<unknown>)[] = []

// Each request from a client address of its own (the app trusts one proxy), so that the limit per
// client stays out of the way except where a test means to reach it.
let clients = 0
const anotherClient = () => `198.51.100.${++clients % 250}`

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, base = app.base, signal?: AbortSignal) {
  const response = await fetch(`${base}${path}`, {
    method,
    signal,
    headers: { 'x-forwarded-for': anotherClient(), ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text }
}
const admin = { authorization: `Bearer ${adminToken}` }
const write = (method: string, path: string, body?: unknown) => call(method, path, body, admin)
let serial = 0
const address = (name: string) => `${name}-${++serial}-${Date.now()}@example.test`
/** A header as the mail carried it (mailparser reads some, such as the List-* ones, into objects). */
const rawHeader = (mail: ParsedMail, name: string) => mail.headerLines.find(line => line.key === name)?.line.replace(/^[^:]+:\s*/, '')
const tokenIn = (text: string | false | undefined) => /token=([\w-]{43})/.exec(text || '')?.[1]

async function confirmedSubscriber(email: string, scope: Record<string, unknown> = {}) {
  expect((await call('POST', '/api/subscriptions', { email, ...scope })).status).toBe(202)
  const token = tokenIn((await mailbox.waitFor(email)).text)!
  expect((await call('POST', '/api/subscriptions/confirm', { token })).status).toBe(200)
  return token
}

let componentId: string
let otherComponentId: string
let typeId: string

async function openIncident(component: string, name = `Outage ${++serial}`, base = app.base) {
  const reply = await call('POST', '/api/incidents', { displayName: name, affects: [{ reference: component, type: typeId, severity: 80 }] }, admin, base)
  expect(reply.status).toBe(201)
  return { id: reply.body.id as string, name }
}

beforeAll(async () => {
  mailbox = await startMailbox()
  cleanups.push(mailbox.close)
  env = {
    STATUS_PAGE_SMTP_URL: mailbox.url,
    STATUS_PAGE_MAIL_FROM: 'Status <status@example.test>',
    STATUS_PAGE_PUBLIC_URL: 'https://status.example.test',
    STATUS_PAGE_ADMIN_TOKEN: adminToken,
    STATUS_PAGE_DELIVERY_RETRIES: '10',
    STATUS_PAGE_TRUST_PROXY: '1',
  }
  if (inject('database') === 'postgres') {
    const database = await createTestDatabase('status_page_subscriptions')
    cleanups.push(database.drop)
    env.DATABASE_URL = database.url
  }
  else {
    const dir = await mkdtemp(join(tmpdir(), 'status-page-subscriptions-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    Object.assign(env, { DATABASE_URL: undefined, STATUS_PAGE_DATA_DIR: dir })
  }
  app = await startApp(env)
  componentId = (await write('POST', '/api/components', { displayName: 'Compute', labels: { region: 'de-west' } })).body.id
  otherComponentId = (await write('POST', '/api/components', { displayName: 'Storage', labels: { region: 'de-east' } })).body.id
  typeId = (await write('POST', '/api/impacttypes', { displayName: 'Performance' })).body.id
  expect((await write('POST', '/api/severities', { displayName: 'major', value: 80 })).status).toBe(204)
}, 180_000)

afterAll(async () => {
  await app?.stop()
  for (const cleanup of cleanups.reverse()) await cleanup()
})

describe('subscribing', () => {
  it('answers the same whether or not the address was subscribed, and mails a confirmation link', async () => {
    const email = address('new')
    const first = await call('POST', '/api/subscriptions', { email, components: [componentId] })
    expect(first.status).toBe(202)
    expect(first.body).toEqual({ status: 'pending' })
    const mail = await mailbox.waitFor(email)
    expect(mail.subject).toMatch(/confirm/i)
    expect(mail.text).toMatch(/https:\/\/status\.example\.test\/subscriptions\/confirm\?token=[\w-]{43}/)
    expect(mail.html).toContain('/subscriptions/confirm?token=')
    const token = tokenIn(mail.text)!
    expect((await call('POST', '/api/subscriptions/confirm', { token })).status).toBe(200)

    const again = await call('POST', '/api/subscriptions', { email })
    expect(again.status).toBe(202)
    expect(again.body).toEqual(first.body)
    await new Promise(resolve => setTimeout(resolve, 2000))
    expect(mailbox.to(email)).toHaveLength(1)
  })

  it('sends nothing but the confirmation before it is confirmed, and the newest link only works', async () => {
    const email = address('pending')
    await call('POST', '/api/subscriptions', { email })
    const firstToken = tokenIn((await mailbox.waitFor(email)).text)!
    await call('POST', '/api/subscriptions', { email })
    const secondToken = tokenIn((await mailbox.waitFor(email, 2)).text)!
    await openIncident(componentId)
    await new Promise(resolve => setTimeout(resolve, 3000))
    expect(mailbox.to(email)).toHaveLength(2)
    expectProblem((await call('POST', '/api/subscriptions/confirm', { token: firstToken })) as never, 404)
    const confirmed = await call('POST', '/api/subscriptions/confirm', { token: secondToken })
    expect(SubscriptionData.parse(confirmed.body.data)).toMatchObject({ email, confirmed: true })
  })

  it.each([
    ['a malformed address', { email: 'not-an-address' }, 'email'],
    ['an unknown component', { email: 'x@example.test', components: ['00000000-0000-4000-8000-000000000000'] }, 'components[0]'],
    ['an unknown label', { email: 'x@example.test', labels: { planet: 'mars' } }, 'labels.planet'],
    ['an unknown time zone', { email: 'x@example.test', timeZone: 'Mars/Olympus' }, 'timeZone'],
  ])('refuses %s with 400 and stores nothing', async (_, body, field) => {
    expectProblem((await call('POST', '/api/subscriptions', body)) as never, 400, field)
    const subscribers = (await call('GET', '/api/subscribers', undefined, admin)).body.data as { email: string }[]
    expect(subscribers.some(subscriber => subscriber.email === body.email)).toBe(false)
  })

  it('limits subscribe requests per address', async () => {
    const email = address('bombed')
    for (let i = 0; i < 3; i++) expect((await call('POST', '/api/subscriptions', { email })).status).toBe(202)
    const refused = await call('POST', '/api/subscriptions', { email })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('limits subscribe requests per client', async () => {
    const client = { 'x-forwarded-for': '203.0.113.9' }
    for (let i = 0; i < 10; i++) expect((await call('POST', '/api/subscriptions', { email: address('many') }, client)).status).toBe(202)
    expect((await call('POST', '/api/subscriptions', { email: address('many') }, client)).status).toBe(429)
  })

  it('is not offered without SMTP: 503 that says why', async () => {
    const reply = await postToShared('/api/subscriptions', { email: 'someone@example.test' }, { token: null })
    expectProblem(reply, 503)
    expect(reply.body.detail).toMatch(/STATUS_PAGE_SMTP_URL/)
  })
})

// On the embedded database a subscription that came while the job queue was still starting waited
// inside its transaction for the queue, whose start waited for the transaction: the database
// stood still for good. Its own server, so that the subscription comes as early as it can.
describe.skipIf(inject('database') === 'postgres')('subscribing while the app starts', () => {
  it('is accepted, and the database answers on', async () => {
    const early = await startApp({ ...env, DATABASE_URL: 'memory://', STATUS_PAGE_DATA_DIR: undefined }, undefined, '/healthz')
    try {
      let status = 503
      for (let tries = 0; status === 503 && tries < 1000; tries++) {
        status = (await call('POST', '/api/subscriptions', { email: address('early') }, {}, early.base, AbortSignal.timeout(10_000))).status
        if (status === 503) await new Promise(resolve => setTimeout(resolve, 10))
      }
      expect(status).toBe(202)
      expect((await fetch(`${early.base}/readyz`, { signal: AbortSignal.timeout(5000) })).status).toBe(200)
    }
    finally {
      await early.stop()
    }
  })
})

describe('mails about events', () => {
  it('go once to each subscriber whose scope the event touches, in their language, with one-click unsubscribe', async () => {
    const everything = address('all')
    const compute = address('compute')
    const german = address('german')
    await confirmedSubscriber(everything)
    await confirmedSubscriber(compute, { components: [componentId], timeZone: 'Europe/Berlin' })
    await confirmedSubscriber(german, { labels: { region: 'de-west' }, locale: 'de' })
    const wrote = Date.now()
    const incident = await openIncident(componentId)
    const mail = await mailbox.waitFor(compute, 2)
    console.info(`write → mail: ${Date.now() - wrote} ms`)
    expect(mail.subject).toMatch(new RegExp(`^New incident: ${incident.name} – `))
    expect(mail.text).toContain('Compute')
    expect(mail.text).toContain('Severity: major')
    expect(mail.text).toContain(`https://status.example.test/incidents/${incident.id}`)
    expect(mail.text).toMatch(/CET|GMT\+1/)
    expect(mail.html).toContain(incident.name)
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    expect(rawHeader(mail, 'list-unsubscribe')).toMatch(/^<https:\/\/status\.example\.test\/api\/subscriptions\/[\w-]{43}\/unsubscribe>$/)
    const inGerman = await mailbox.waitFor(german, 2)
    expect(inGerman.subject).toMatch(/^Neue Störung: /)
    expect(inGerman.text).toContain('Schweregrad: major')
    await mailbox.waitFor(everything, 2)

    // Another component: the scoped subscribers hear nothing.
    await openIncident(otherComponentId)
    await mailbox.waitFor(everything, 3)
    await new Promise(resolve => setTimeout(resolve, 2000))
    expect(mailbox.to(compute)).toHaveLength(2)
    expect(mailbox.to(german)).toHaveLength(2)
  })

  it('reach a label subscriber about a component that gets the label later', async () => {
    const email = address('later')
    await confirmedSubscriber(email, { labels: { region: 'de-east' } })
    const newcomer = (await write('POST', '/api/components', { displayName: 'Network', labels: { region: 'de-east' } })).body.id
    await openIncident(newcomer)
    expect((await mailbox.waitFor(email, 2)).text).toContain('Network')
  })

  it('stop after a one-click unsubscribe, which deletes the subscription', async () => {
    const email = address('leaving')
    await confirmedSubscriber(email)
    await openIncident(componentId)
    const mail = await mailbox.waitFor(email, 2)
    const url = /<([^>]+)>/.exec(rawHeader(mail, 'list-unsubscribe') ?? '')?.[1]
    expect(url).toMatch(/^https:\/\/status\.example\.test\/api\/subscriptions\/[\w-]{43}\/unsubscribe$/)
    const path = new URL(url!).pathname
    const oneClick = await fetch(`${app.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })
    expect(oneClick.status).toBe(204)
    expect((await call('GET', path.replace(/\/unsubscribe$/, ''))).status).toBe(404)
    await openIncident(componentId)
    await new Promise(resolve => setTimeout(resolve, 3000))
    expect(mailbox.to(email)).toHaveLength(2)
  })

  it('arrive after the mail server was down for a while', async () => {
    const email = address('patient')
    await confirmedSubscriber(email)
    await mailbox.stop()
    await openIncident(componentId)
    await new Promise(resolve => setTimeout(resolve, 4000))
    await mailbox.start()
    // The tries back off from 2 s, doubling: on a busy machine the next may be a minute away.
    await mailbox.waitFor(email, 2, 120_000)
  }, 180_000)

  it('arrive once after the app was killed between the write and the sending', async () => {
    const email = address('survivor')
    await confirmedSubscriber(email)
    await mailbox.stop()
    const incident = await openIncident(componentId)
    await new Promise(resolve => setTimeout(resolve, 2000))
    app.process.kill('SIGKILL')
    await app.stop()
    await mailbox.start()
    app = await startApp(env)
    const mail = await mailbox.waitFor(email, 2, 60_000)
    expect(mail.text).toContain(incident.name)
    await new Promise(resolve => setTimeout(resolve, 3000))
    expect(mailbox.to(email)).toHaveLength(2)
  }, 180_000)
})

describe('subscribers, for admins', () => {
  it('are listed and removed by admins only', async () => {
    const email = address('listed')
    await confirmedSubscriber(email)
    expect((await call('GET', '/api/subscribers')).status).toBe(401)
    const list = (await call('GET', '/api/subscribers', undefined, admin)).body.data as { id: string, email: string, confirmed: boolean }[]
    const entry = list.find(subscriber => subscriber.email === email)!
    expect(entry.confirmed).toBe(true)
    expect((await write('DELETE', `/api/subscribers/${entry.id}`)).status).toBe(204)
    expect((await call('GET', '/api/subscribers', undefined, admin)).body.data.some((s: { id: string }) => s.id === entry.id)).toBe(false)
  })
})

// With PostgreSQL, two instances share the queue: each mail is sent once, by one of them.
describe.runIf(inject('database') === 'postgres')('two instances', () => {
  let second: App

  beforeAll(async () => {
    second = await startApp(env)
  }, 180_000)

  afterAll(() => second.stop())

  it('send every mail exactly once', async () => {
    const email = address('twice')
    await confirmedSubscriber(email)
    for (let i = 0; i < 10; i++) await openIncident(componentId, `Twice ${i}`, i % 2 ? second.base : app.base)
    await mailbox.waitFor(email, 11, 60_000)
    await new Promise(resolve => setTimeout(resolve, 3000))
    const received = mailbox.to(email)
    expect(received).toHaveLength(11)
    expect(new Set(received.map(mail => mail.messageId)).size).toBe(11)
  }, 120_000)
})
