import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startApp, type App } from '../support/app'
import { startMailbox } from '../support/mailbox'
import { startReceiver } from '../support/webhook-receiver'
import { createTestDatabase } from '../support/postgres'
import { expectProblem, expectResponse, get, post, tokens } from './client'

// An app of its own with SMTP pointing at a mail server in this process, which the tests stop, and
// one retry only, so that a mail dies within seconds.
const adminToken = 'queue-admin-token-0123456789'
let mailbox: Awaited<ReturnType<typeof startMailbox>>
let app: App
const cleanups: (() => Promise<unknown>)[] = []

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${app.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined }
}

interface Counts { name: string, waiting: number, active: number, retrying: number, failed: number }
interface Dead { id: string, queue: string, channel: string, recipient?: string, event: string, diedAt: string, outcome?: string, error?: string }
const queues = async () => expectResponse(await call('GET', '/api/queue'), 'getQueues', 200).data as Counts[]
const counts = async (name: string) => (await queues()).find(queue => queue.name === name)!
const dead = async () => expectResponse(await call('GET', '/api/queue/dead'), 'getDeadDeliveries', 200).data as Dead[]

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  for (const until = Date.now() + timeoutMs; ; await new Promise(resolve => setTimeout(resolve, 200))) {
    const value = await read()
    if (accept(value) || Date.now() > until) return value
  }
}

beforeAll(async () => {
  mailbox = await startMailbox()
  cleanups.push(mailbox.close)
  const env: Record<string, string> = {
    STATUS_PAGE_SMTP_URL: mailbox.url,
    STATUS_PAGE_MAIL_FROM: 'Status <status@example.test>',
    STATUS_PAGE_PUBLIC_URL: 'https://status.example.test',
    STATUS_PAGE_ADMIN_TOKEN: adminToken,
    STATUS_PAGE_DELIVERY_RETRIES: '1',
    STATUS_PAGE_WEBHOOK_ALLOW_PRIVATE: 'true',
    DATABASE_URL: 'memory://',
  }
  if (inject('database') === 'postgres') {
    const database = await createTestDatabase('status_page_queue')
    cleanups.push(database.drop)
    env.DATABASE_URL = database.url
  }
  app = await startApp(env)
}, 180_000)

afterAll(async () => {
  await app?.stop()
  for (const cleanup of cleanups.reverse()) await cleanup()
})

describe('the queue health', () => {
  it('is for admins only', async () => {
    expectProblem(await get('/api/queue', { token: null }), 401)
    expectProblem(await get('/api/queue', { token: tokens.readWrite }), 403)
    expectProblem(await get('/api/queue/dead', { token: tokens.readOnly }), 403)
    expectProblem(await post(`/api/queue/dead/${crypto.randomUUID()}/retry`, undefined, { token: null }), 401)
    expectProblem(await post(`/api/queue/dead/${crypto.randomUUID()}/retry`, undefined, { token: tokens.readWrite }), 403)
  })

  it('counts every queue', async () => {
    expect((await queues()).map(queue => queue.name)).toEqual(['notify-relay', 'maintenance-edge', 'beacon-check', 'webhook-delivery', 'mail-delivery', 'mail-dead'])
  })

  it('shows a mail whose every try failed as dead; an admin puts it back once and it arrives once', async () => {
    const email = `dead-${Date.now()}@example.test`
    const before = await counts('mail-delivery')
    await mailbox.stop()
    expect((await call('POST', '/api/subscriptions', { email })).status).toBe(202)

    // Tried, failed, waiting for its one retry; then failed for good.
    const retrying = await eventually(() => counts('mail-delivery'), now => now.retrying > before.retrying)
    expect(retrying.retrying).toBe(before.retrying + 1)
    const failed = await eventually(() => counts('mail-delivery'), now => now.failed > before.failed)
    expect(failed).toMatchObject({ failed: before.failed + 1, retrying: before.retrying })
    const entry = (await dead()).find(delivery => delivery.recipient === email)!
    expect(entry).toMatchObject({ queue: 'mail-delivery', channel: 'mail', event: 'confirmation' })
    // A mail has no outcome code: its error is the mail server's or the network's own words.
    expect(entry.outcome).toBeUndefined()
    expect(entry.error).toMatch(/ECONNREFUSED|connect/i)
    expect(Date.parse(entry.diedAt)).toBeGreaterThan(Date.now() - 60_000)
    // Its dead-letter copy waits, but is not listed twice.
    expect((await counts('mail-dead')).waiting).toBeGreaterThan(0)
    expect((await dead()).filter(delivery => delivery.recipient === email)).toHaveLength(1)

    await mailbox.start()
    expect((await call('POST', `/api/queue/dead/${entry.id}/retry`)).status).toBe(204)
    expectProblem(await call('POST', `/api/queue/dead/${entry.id}/retry`), 404)
    const mail = await mailbox.waitFor(email)
    expect(mail.subject).toMatch(/confirm/i)
    expect((await dead()).some(delivery => delivery.recipient === email)).toBe(false)
    expect(await eventually(() => counts('mail-delivery'), now => now.failed === before.failed)).toMatchObject({ failed: before.failed })
    expect((await counts('mail-dead')).waiting).toBe(0)
    await new Promise(resolve => setTimeout(resolve, 3000))
    expect(mailbox.to(email)).toHaveLength(1)
  }, 90_000)

  it('shows a webhook delivery whose every try failed; it is put back once its receiver is resumed', async () => {
    const receiver = await startReceiver()
    cleanups.push(receiver.close)
    receiver.answerWith(() => 500)
    const webhook = (await call('POST', '/api/webhooks', { url: receiver.url, events: ['incident.opened'] })).body
    receiver.useSecret(webhook.secret)
    const component = (await call('POST', '/api/components', { displayName: 'Compute' })).body.id
    const type = (await call('POST', '/api/impacttypes', { displayName: 'Performance' })).body.id
    expect((await call('POST', '/api/incidents', { displayName: 'Down', affects: [{ reference: component, type, severity: 80 }] })).status).toBe(201)

    const entry = (await eventually(dead, list => list.some(delivery => delivery.recipient === receiver.url))).find(delivery => delivery.recipient === receiver.url)!
    expect(entry).toMatchObject({ queue: 'webhook-delivery', channel: 'webhook', event: 'incident.opened', outcome: 'refused', error: 'the receiver answered 500' })
    // Every try failed, so the receiver is paused; a delivery put back now would be dropped.
    expect((await eventually(() => call('GET', `/api/webhooks/${webhook.id}`), reply => reply.body.data.active === false)).body.data.active).toBe(false)
    expectProblem(await call('POST', `/api/queue/dead/${entry.id}/retry`), 409)

    receiver.answerWith(() => 200)
    expect((await call('PATCH', `/api/webhooks/${webhook.id}`, { active: true })).status).toBe(204)
    expect((await call('POST', `/api/queue/dead/${entry.id}/retry`)).status).toBe(204)
    const delivery = await receiver.next(each => each.payload.type === 'incident.opened')
    expect(delivery.id).toBe(entry.id)
    expect((await dead()).some(each => each.id === entry.id)).toBe(false)
    await new Promise(resolve => setTimeout(resolve, 2000))
    expect(receiver.deliveries).toHaveLength(1)
  }, 90_000)

  it('answers 404 for a job that is not a dead delivery', async () => {
    expectProblem(await call('POST', `/api/queue/dead/${crypto.randomUUID()}/retry`), 404)
  })
})
