import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { WebhookPayload } from '../../openapi/webhook-schemas'
import { startApp, type App } from '../support/app'
import { startReceiver } from '../support/webhook-receiver'
import { del, expectProblem, expectResponse, get, patch, post, tokens } from './client'
import { createComponent, createImpactType, createIncident, fromNow, unknownId } from './fixtures'

type Receiver = Awaited<ReturnType<typeof startReceiver>>
const receivers: Receiver[] = []
const webhooks: string[] = []

/** A receiver and a webhook registered for it with `options`. */
async function register(options: Record<string, unknown> = {}) {
  const receiver = await startReceiver()
  receivers.push(receiver)
  const created = expectResponse(await post('/api/webhooks', { url: receiver.url, ...options }), 'createWebhook', 201)
  webhooks.push(created.id)
  receiver.useSecret(created.secret)
  return { receiver, webhook: created }
}

afterEach(async () => {
  for (const id of webhooks.splice(0)) await del(`/api/webhooks/${id}`)
  for (const receiver of receivers.splice(0)) await receiver.close()
})

describe('webhook receivers', () => {
  it('are registered with a secret shown once, read, changed and removed', async () => {
    const { webhook } = await register({ events: ['incident.opened'], labels: { region: 'de-west' } })
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    const read = expectResponse(await get(`/api/webhooks/${webhook.id}`, { token: tokens.admin }), 'getWebhook', 200).data
    expect(read).toEqual({ id: webhook.id, url: webhook.url, events: ['incident.opened'], components: [], labels: { region: 'de-west' }, active: true, createdAt: webhook.createdAt })
    expect('secret' in read).toBe(false)
    expect((await patch(`/api/webhooks/${webhook.id}`, { active: false, events: [] })).status).toBe(204)
    const list = expectResponse(await get('/api/webhooks', { token: tokens.admin }), 'getWebhooks', 200).data
    expect(list.find((entry: { id: string }) => entry.id === webhook.id)).toMatchObject({ active: false, events: [] })
    expect((await del(`/api/webhooks/${webhook.id}`)).status).toBe(204)
    expectProblem(await get(`/api/webhooks/${webhook.id}`, { token: tokens.admin }), 404)
  })

  it('are for admins only', async () => {
    expectProblem(await post('/api/webhooks', { url: 'https://example.test/hook' }, { token: null }), 401)
    expectProblem(await post('/api/webhooks', { url: 'https://example.test/hook' }, { token: tokens.readWrite }), 403)
    expectProblem(await get('/api/webhooks', { token: tokens.readWrite }), 403)
  })

  it.each([
    ['a URL of another scheme', { url: 'ftp://example.test/hook' }, 'url'],
    ['no URL', {}, 'url'],
    ['an unknown event kind', { url: 'https://example.test/hook', events: ['incident.exploded'] }, 'events[0]'],
    ['a component id that is no UUID', { url: 'https://example.test/hook', components: ['x'] }, 'components[0]'],
  ])('refuse %s with 400', async (_, body, field) => {
    const before = (await get('/api/webhooks', { token: tokens.admin })).body.data.length
    expectProblem(await post('/api/webhooks', body), 400, field)
    expect((await get('/api/webhooks', { token: tokens.admin })).body.data.length).toBe(before)
  })

  it('answer 404 for an unknown id', async () => {
    expectProblem(await patch(`/api/webhooks/${unknownId()}`, { active: true }), 404)
    expectProblem(await post(`/api/webhooks/${unknownId()}/test`, undefined), 404)
  })
})

describe('webhook deliveries', () => {
  let componentId: string
  let otherComponentId: string
  let typeId: string

  beforeAll(async () => {
    componentId = await createComponent()
    otherComponentId = await createComponent()
    typeId = await createImpactType()
  })

  it('carry the event, signed, to the receivers whose filter it matches, and to no other', async () => {
    const { receiver } = await register({ components: [componentId] })
    const { receiver: other } = await register({ events: ['incident.resolved'] })
    const wrote = Date.now()
    const incidentId = await createIncident({ affects: [{ reference: componentId, type: typeId, severity: 50 }] })
    const delivery = await receiver.next(d => d.payload.data.incident.id === incidentId)
    console.info(`write → webhook: ${Date.now() - wrote} ms`)
    expect(delivery.payload.type).toBe('incident.opened')
    expect(WebhookPayload.safeParse(delivery.payload).success).toBe(true)
    expect(delivery.payload.data.components.map((c: { id: string }) => c.id)).toEqual([componentId])
    expect(delivery.headers['webhook-id']).toMatch(/^[\w-]+$/)

    await createIncident({ affects: [{ reference: otherComponentId, type: typeId, severity: 50 }] })
    expect((await patch(`/api/incidents/${incidentId}`, { endedAt: new Date().toISOString() })).status).toBe(204)
    await receiver.next(d => d.payload.type === 'incident.resolved')
    await other.next(d => d.payload.type === 'incident.resolved')
    expect(receiver.deliveries.map(d => d.payload.type)).toEqual(['incident.opened', 'incident.resolved'])
    expect(other.deliveries.map(d => d.payload.type)).toEqual(['incident.resolved'])
  })

  it('send an update posted, with its text', async () => {
    const { receiver } = await register({ components: [componentId] })
    const incidentId = await createIncident({ affects: [{ reference: componentId, type: typeId, severity: 50 }] })
    await receiver.next(d => d.payload.type === 'incident.opened')
    expect((await post(`/api/incidents/${incidentId}/updates`, { displayName: 'Found it', description: 'A broken switch.' })).status).toBe(201)
    const delivery = await receiver.next(d => d.payload.type === 'incident.updated')
    expect(delivery.payload.data.update).toMatchObject({ order: 0, displayName: 'Found it', description: 'A broken switch.' })
  })

  it('are tried again after a failure, with the same message id, and logged', async () => {
    const { receiver, webhook } = await register({ components: [componentId] })
    let calls = 0
    receiver.answerWith(() => (++calls === 1 ? 500 : 200))
    const incidentId = await createIncident({ affects: [{ reference: componentId, type: typeId, severity: 50 }] })
    const delivery = await receiver.next(d => d.payload.data.incident.id === incidentId, 30_000)
    const log = expectResponse(await get(`/api/webhooks/${webhook.id}/deliveries`, { token: tokens.admin }), 'getWebhookDeliveries', 200).data
    expect(log.map((entry: { attempt: number, statusCode: number, outcome: string }) => [entry.attempt, entry.statusCode, entry.outcome])).toEqual([[2, 200, 'delivered'], [1, 500, 'refused']])
    expect(log.map((entry: { error?: string }) => entry.error)).toEqual([undefined, 'the receiver answered 500'])
    expect(new Set(log.map((entry: { messageId: string }) => entry.messageId))).toEqual(new Set([delivery.id]))
  })

  it('pause a receiver whose every try failed, and say why', async () => {
    const { receiver, webhook } = await register({ components: [componentId] })
    receiver.answerWith(() => 503)
    await createIncident({ affects: [{ reference: componentId, type: typeId, severity: 50 }] })
    let read: { active: boolean, pausedBecause?: string, pausedReason?: string } = { active: true }
    for (const until = Date.now() + 40_000; read.active && Date.now() < until;) {
      await new Promise(resolve => setTimeout(resolve, 500))
      read = (await get(`/api/webhooks/${webhook.id}`, { token: tokens.admin })).body.data
    }
    expect(read.active).toBe(false)
    // A code for clients to word, and a sentence for developers.
    expect(read).toMatchObject({ pausedBecause: 'deliveries_failed', pausedReason: expect.stringMatching(/every try/) })
    const log = (await get(`/api/webhooks/${webhook.id}/deliveries`, { token: tokens.admin })).body.data
    expect(log.map((entry: { attempt: number }) => entry.attempt)).toEqual([3, 2, 1])
  })

  it('log a receiver that cannot be reached as unreachable, in the words of the network', async () => {
    const { receiver, webhook } = await register()
    await receiver.close()
    expect((await post(`/api/webhooks/${webhook.id}/test`, undefined)).status).toBe(204)
    let log: { outcome: string, statusCode?: number, error?: string }[] = []
    for (const until = Date.now() + 15_000; log.length === 0 && Date.now() < until;) {
      await new Promise(resolve => setTimeout(resolve, 200))
      log = expectResponse(await get(`/api/webhooks/${webhook.id}/deliveries`, { token: tokens.admin }), 'getWebhookDeliveries', 200).data
    }
    expect(log).toEqual([expect.objectContaining({ event: 'webhook.test', attempt: 1, outcome: 'unreachable', error: expect.stringMatching(/ECONNREFUSED/) })])
    expect(log[0]!.statusCode).toBeUndefined()
    // A failed test says how the receiver answers; it is no reason to stop its deliveries.
    await new Promise(resolve => setTimeout(resolve, 5000))
    expect((await get(`/api/webhooks/${webhook.id}`, { token: tokens.admin })).body.data).toMatchObject({ active: true })
  })

  it('send nothing to a paused receiver, but a test event on request', async () => {
    const { receiver, webhook } = await register({ components: [componentId], active: false })
    await createIncident({ affects: [{ reference: componentId, type: typeId, severity: 50 }] })
    expect((await post(`/api/webhooks/${webhook.id}/test`, undefined)).status).toBe(204)
    const test = await receiver.next(d => d.payload.type === 'webhook.test')
    expect(WebhookPayload.safeParse(test.payload).success).toBe(true)
    await new Promise(resolve => setTimeout(resolve, 3000))
    expect(receiver.deliveries.map(d => d.payload.type)).toEqual(['webhook.test'])
  })

  it('announce maintenance when it is scheduled, when it starts and when it ends', async () => {
    const { receiver } = await register({ components: [componentId] })
    const incidentId = await createIncident({
      beganAt: fromNow(2000), endedAt: fromNow(4000),
      affects: [{ reference: componentId, type: typeId, severity: 0 }],
    })
    const ended = await receiver.next(d => d.payload.type === 'maintenance.ended' && d.payload.data.incident.id === incidentId, 20_000)
    expect(ended.payload.data.incident.id).toBe(incidentId)
    expect(receiver.deliveries.map(d => d.payload.type)).toEqual(['maintenance.scheduled', 'maintenance.started', 'maintenance.ended'])
  })

  it('record nothing for a write that is refused', async () => {
    const { receiver } = await register()
    expectProblem(await post('/api/incidents', { displayName: 'x', affects: [{ reference: unknownId(), type: typeId, severity: 50 }] }), 400)
    await new Promise(resolve => setTimeout(resolve, 2000))
    expect(receiver.deliveries).toEqual([])
  })
})

// With PostgreSQL, two instances share the queue: each delivery is sent once, by one of them.
describe.runIf(inject('database') === 'postgres')('two instances', () => {
  let second: App

  beforeAll(async () => {
    second = await startApp({ DATABASE_URL: inject('databaseUrl'), STATUS_PAGE_WEBHOOK_ALLOW_PRIVATE: 'true' })
  }, 180_000)

  afterAll(() => second.stop())

  it('send every delivery exactly once', async () => {
    const componentId = await createComponent()
    const typeId = await createImpactType()
    const { receiver } = await register({ components: [componentId] })
    const created: string[] = []
    for (let i = 0; i < 10; i++) {
      // Half the writes on each instance.
      const base = i % 2 ? second.base : inject('baseUrl')
      const response = await fetch(`${base}/api/incidents`, {
        method: 'POST',
        headers: { 'authorization': `Bearer ${tokens.readWrite}`, 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: `Twice ${i}`, affects: [{ reference: componentId, type: typeId, severity: 50 }] }),
      })
      expect(response.status).toBe(201)
      created.push((await response.json()).id)
    }
    for (const id of created) await receiver.next(d => d.payload.data.incident.id === id)
    await new Promise(resolve => setTimeout(resolve, 3000))
    expect(receiver.deliveries).toHaveLength(10)
    expect(new Set(receiver.deliveries.map(d => d.id)).size).toBe(10)
  })
})

// A server of its own without STATUS_PAGE_WEBHOOK_ALLOW_PRIVATE (the shared one allows loopback
// for the receivers above). It does not depend on the project's database: one project only.
describe.skipIf(inject('database') === 'postgres')('receivers on private addresses', () => {
  let strict: App
  const register = (url: string) => fetch(`${strict.base}/api/webhooks`, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url }),
  })

  beforeAll(async () => {
    strict = await startApp({ DATABASE_URL: 'memory://', STATUS_PAGE_ADMIN_TOKEN: tokens.admin })
  }, 180_000)

  afterAll(() => strict.stop())

  it.each(['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest', 'http://10.0.0.5/hook'])('are refused with 400: %s', async (url) => {
    const reply = await register(url)
    expect(reply.status).toBe(400)
    expect((await reply.json()).errors[0].field).toBe('url')
  })

  it('are accepted on a public address', async () => {
    expect((await register('https://hooks.example.com/status')).status).toBe(201)
  })
})
