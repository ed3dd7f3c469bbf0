// The RSS and Atom feeds, read with a feed parser: every kind of entry, newest change first, the
// filters, refused filters, and 304 on a repeated request.
import { parseFeed } from '@rowanmanning/feed-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectProblem, get } from './client'
import { createComponent, createImpactType, createIncident, createIncidentUpdate, DAY, fromNow, HOUR, unknownId, uniqueName } from './fixtures'

const label = { feeds: `group-${crypto.randomUUID().slice(0, 8)}` }
const labelQuery = `label=${encodeURIComponent(`feeds:${label.feeds}`)}`
let component: string
let other: string
const titles: Record<string, string> = {}

async function incident(kind: string, overrides: Parameters<typeof createIncident>[0]) {
  titles[kind] = uniqueName(`Feed ${kind}`)
  return createIncident({ displayName: titles[kind], ...overrides })
}

beforeAll(async () => {
  component = await createComponent({ labels: label })
  other = await createComponent({ labels: { feeds: 'elsewhere' } })
  const type = await createImpactType()
  const on = (severity: number, reference = component) => [{ reference, type, severity }]
  await incident('opened', { beganAt: fromNow(-HOUR), affects: on(50) })
  const updated = await incident('updated', { beganAt: fromNow(-2 * HOUR), affects: on(80) })
  await createIncidentUpdate(updated, { displayName: 'Fix is being deployed', description: 'Rolling out <carefully> & slowly' })
  const resolved = await incident('resolved', { beganAt: fromNow(-5 * HOUR), endedAt: fromNow(-4 * HOUR), affects: on(80) })
  await createIncidentUpdate(resolved, { displayName: 'All good again' })
  await incident('planned', { beganAt: fromNow(DAY), endedAt: fromNow(DAY + HOUR), affects: on(0) })
  await incident('active', { beganAt: fromNow(-HOUR), endedAt: fromNow(HOUR), affects: on(0) })
  await incident('done', { beganAt: fromNow(-3 * DAY), endedAt: fromNow(-3 * DAY + HOUR), affects: on(0) })
  await incident('old', { beganAt: fromNow(-100 * DAY), endedAt: fromNow(-99 * DAY), affects: on(80) })
  await incident('other', { beganAt: fromNow(-HOUR), affects: on(50, other) })
})

const expectedTitles = () => ({
  [`Incident: ${titles.opened}`]: 'opened',
  [`Incident update: ${titles.updated}`]: 'updated',
  [`Resolved: ${titles.resolved}`]: 'resolved',
  [`Maintenance planned: ${titles.planned}`]: 'maintenance-planned',
  [`Maintenance in progress: ${titles.active}`]: 'maintenance-active',
  [`Maintenance completed: ${titles.done}`]: 'maintenance-done',
})

async function readFeed(path: string) {
  const reply = await get(path)
  expect(reply.status, String(reply.body)).toBe(200)
  return { reply, feed: parseFeed(reply.body) }
}

describe.each([
  ['/feed.rss', 'rss', 'application/rss+xml'],
  ['/feed.atom', 'atom', 'application/atom+xml'],
])('%s', (path, type, contentType) => {
  it('lists one entry per incident and maintenance of the component, each kind titled, newest first', async () => {
    const { reply, feed } = await readFeed(`${path}?component=${component}`)
    expect(reply.headers.get('content-type')).toContain(contentType)
    expect(feed.meta.type).toBe(type)
    const expected = expectedTitles()
    expect(feed.items.map(item => item.title).sort()).toEqual(Object.keys(expected).sort())
    for (const item of feed.items) {
      expect(item.categories.map(category => category.term ?? category.label)).toContain(expected[item.title!])
      expect(item.url).toMatch(/\/incidents\/[\da-f-]{36}$/)
      expect(item.id).toMatch(/^urn:uuid:[\da-f-]{36}$/)
    }
    const dates = feed.items.map(item => item.updated ?? item.published)
    expect(dates.every(date => date instanceof Date)).toBe(true)
    const times = dates.map(date => date!.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('puts the latest state and every update into the content, escaped', async () => {
    const { reply, feed } = await readFeed(`${path}?component=${component}`)
    const updated = feed.items.find(item => item.title === `Incident update: ${titles.updated}`)!
    expect(updated.content).toContain('Fix is being deployed')
    // Text from the API is escaped in the HTML, which the parser decodes again.
    expect(reply.body).toContain('Rolling out &#60;carefully&#62; &#38; slowly')
    expect(updated.content).toContain('Rolling out <carefully> & slowly')
    expect(updated.content).toContain('Affected components')
    const resolved = feed.items.find(item => item.title === `Resolved: ${titles.resolved}`)!
    expect(resolved.content).toContain('All good again')
    expect(resolved.content).toMatch(/until \d{4}-\d\d-\d\d \d\d:\d\d UTC/)
  })

  it('narrows by label, and without a filter lists every component\'s entries', async () => {
    const byLabel = (await readFeed(`${path}?${labelQuery}`)).feed.items.map(item => item.title)
    expect(byLabel.sort()).toEqual(Object.keys(expectedTitles()).sort())
    const all = (await readFeed(path)).feed.items.map(item => item.title)
    expect(all).toContain(`Incident: ${titles.other}`)
    expect(all).toContain(`Incident: ${titles.opened}`)
    expect(all.some(title => title?.includes(titles.old!))).toBe(false)
    const elsewhere = (await readFeed(`${path}?label=feeds:elsewhere`)).feed.items.map(item => item.title)
    expect(elsewhere).toContain(`Incident: ${titles.other}`)
    expect(elsewhere).not.toContain(`Incident: ${titles.opened}`)
    const nobody = (await readFeed(`${path}?label=feeds:${crypto.randomUUID()}`)).feed.items
    expect(nobody).toEqual([])
  })

  it('refuses a malformed or unknown component and a label without a value', async () => {
    expectProblem(await get(`${path}?component=not-an-id`), 400, 'component')
    expectProblem(await get(`${path}?component=${unknownId()}`), 400, 'component')
    expectProblem(await get(`${path}?label=feeds`), 400, 'label')
  })

  it('answers a repeated request with 304, by ETag and by Last-Modified', async () => {
    const url = `${path}?component=${component}`
    const first = await get(url)
    const etag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    expect(etag).toBeTruthy()
    expect(Date.parse(lastModified)).toBeGreaterThan(Date.now() - DAY)
    const byTag = await get(url, { headers: { 'if-none-match': etag } })
    expect(byTag.status).toBe(304)
    expect(byTag.body).toBe('')
    expect((await get(url, { headers: { 'if-modified-since': lastModified } })).status).toBe(304)
    const older = new Date(Date.parse(lastModified) - 1000).toUTCString()
    expect((await get(url, { headers: { 'if-modified-since': older } })).status).toBe(200)
  })
})

describe('feed discovery', () => {
  it('every public page links the feeds in its head and its footer', async () => {
    // Page renders are slow on a loaded machine: hence the longer timeout.
    for (const page of ['/', '/history', `/components/${component}`]) {
      const html = (await get(page)).body as string
      expect(html).toMatch(/<link[^>]*rel="alternate"[^>]*type="application\/atom\+xml"[^>]*href="\/feed\.atom"/)
      expect(html).toMatch(/<link[^>]*rel="alternate"[^>]*type="application\/rss\+xml"[^>]*href="\/feed\.rss"/)
      expect(html).toMatch(/<a href="\/feed\.atom"/)
    }
  }, 90_000)
})
