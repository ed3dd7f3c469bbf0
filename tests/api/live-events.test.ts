import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startApp, type App } from '../support/app'
import { del, get, post, request } from './client'
import { openEvents } from './events'
import { uniqueName } from './fixtures'

describe('writes that no reader sees', () => {
  it('neither wake open pages nor drop cached answers', async () => {
    // A page, which is kept for 30 s: an API answer expires after a second, which this test may take.
    await get('/')
    expect((await get('/')).headers.get('x-cache')).toBe('hit')
    const events = await openEvents()
    try {
      await events.next('version')
      for (let i = 0; i < 5; i++) {
        expect((await request('DELETE', '/api/session', { token: null })).status).toBe(204)
      }
      const name = uniqueName('private').replace(/\W+/g, '-')
      expect((await post('/api/tokens', { name, scope: 'read-only' })).status).toBe(201)
      expect((await del(`/api/tokens/${name}`)).status).toBe(204)
      const template = await post('/api/templates', { name: uniqueName('template'), displayName: 'Private' })
      expect(template.status).toBe(201)
      expect((await del(`/api/templates/${template.body.id}`)).status).toBe(204)
      await expect(events.next('change', 500)).rejects.toThrow(/no change event/)
      expect((await get('/')).headers.get('x-cache')).toBe('hit')
    }
    finally {
      events.close()
    }
  })
})

// A server of its own with small limits behind an imagined proxy, so that the test can pose as
// many clients. It does not depend on the project's database, so it runs in one project only.
describe.skipIf(inject('database') === 'postgres')('event stream limits', () => {
  let app: App
  const from = (address: string) => ({ 'x-forwarded-for': address })

  beforeAll(async () => {
    app = await startApp({
      DATABASE_URL: 'memory://',
      STATUS_PAGE_TRUST_PROXY: '1',
      STATUS_PAGE_EVENTS_PER_CLIENT: '2',
      STATUS_PAGE_EVENTS_TOTAL: '3',
      STATUS_PAGE_EVENTS_LIFETIME: '2',
    })
  }, 180_000)

  afterAll(() => app.stop())

  it('refuses a client past its share with 429, and everyone past the total with 503', async () => {
    const open = [await openEvents(app.base, from('198.51.100.1')), await openEvents(app.base, from('198.51.100.1'))]
    try {
      for (const events of open) expect(events.response.status).toBe(200)
      const third = await openEvents(app.base, from('198.51.100.1'))
      third.close()
      expect(third.response.status).toBe(429)
      expect(third.response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(Number(third.response.headers.get('retry-after'))).toBeGreaterThan(0)

      open.push(await openEvents(app.base, from('2001:db8:1:2::1')))
      expect(open[2]!.response.status).toBe(200)
      const beyondTotal = await openEvents(app.base, from('198.51.100.3'))
      beyondTotal.close()
      expect(beyondTotal.response.status).toBe(503)
    }
    finally {
      for (const events of open) events.close()
    }
  })

  it('gives a closed stream\'s place to the next', async () => {
    let status = 0
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      const events = await openEvents(app.base, from('198.51.100.1'))
      status = events.response.status
      events.close()
      if (status !== 200) await new Promise(resolve => setTimeout(resolve, 100))
    }
    expect(status).toBe(200)
  })

  it('ends a stream after its lifetime, so the browser reconnects', async () => {
    const events = await openEvents(app.base, from('198.51.100.7'))
    const opened = Date.now()
    try {
      await events.next('version')
      await expect(events.next('change', 5000)).rejects.toThrow(/the event stream ended/)
      expect(Date.now() - opened).toBeGreaterThan(1500)
    }
    finally {
      events.close()
    }
  })
})
