// An open overview follows writes through the API without a reload (public/page-live.js).
import { expect, test } from '@playwright/test'
import { authorized, create, DEMO, gotoReady } from './support'

const title = `Live test outage ${Date.now()}`
// What the test created, to delete in this order.
const created = { incidents: [] as string[], components: [] as string[], impacttypes: [] as string[] }

test.afterAll(async ({ request }) => {
  // Leave the demo data as it was for the tests that follow (history, screenshots …).
  const paths = Object.entries(created).flatMap(([kind, ids]) => ids.map(id => `/api/${kind}/${id}`))
  for (const path of paths) {
    const response = await request.delete(path, { headers: authorized })
    expect([204, 404], `DELETE ${path}`).toContain(response.status())
  }
})

test('an incident created and resolved through the API shows on an open page within a second', async ({ page, request }) => {
  // Remember the first data version the page's event stream announces.
  await page.addInitScript(() => {
    const Original = window.EventSource
    window.EventSource = class extends Original {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init)
        this.addEventListener('version', event => ((window as { firstVersion?: string }).firstVersion ??= event.data), { once: true })
      }
    }
  })
  // The page must be listening before the first write.
  const html = await (await gotoReady(page, '/'))!.text()
  // The page was rendered from the version the stream opens with, so it needs no refetch.
  const firstVersion = await page.waitForFunction(() => (window as { firstVersion?: string }).firstVersion)
  expect(html).toContain(`"${await firstVersion.jsonValue()}"`)
  // The demo's incident (and whatever other specs left) as the page shows it now.
  const banner = page.getByTestId('status-banner')
  const headline = banner.getByRole('heading', { level: 1 })
  const active = page.getByTestId('active-incidents')
  await expect(active.getByRole('link', { name: DEMO.ongoing })).toBeVisible()
  const before = {
    level: await banner.getAttribute('data-level'),
    headline: await headline.textContent(),
    incidents: await active.getByTestId('incident-card').count(),
  }
  expect(before.level).not.toBe('operational')
  // A marker that survives a refetch but not a reload.
  await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true))

  // A new component shows up too; this first round also warms up the refresh path on both sides.
  const type = await create(request, '/api/impacttypes', { displayName: 'Live test outage' })
  created.impacttypes.push(type)
  const component = await create(request, '/api/components', { displayName: 'Live test service', labels: { region: 'de-west', az: '1' } })
  created.components.push(component)
  const row = page.getByTestId('component-row').filter({ has: page.getByRole('link', { name: 'Live test service', exact: true }) })
  await expect(row).toBeVisible({ timeout: 1500 })
  await expect(row.getByTestId('severity')).toHaveAttribute('data-level', 'operational')

  const incident = await create(request, '/api/incidents', {
    displayName: title,
    description: 'Created by the live refresh test.',
    affects: [{ reference: component, type, severity: 100 }],
  })
  created.incidents.push(incident)

  const card = active.getByTestId('incident-card').filter({ has: page.getByRole('link', { name: title, exact: true }) })
  await expect(card).toBeVisible({ timeout: 1500 })
  // The worst impact is now "broken", and the new incident, the worst and newest, comes first.
  await expect(banner).toHaveAttribute('data-level', 'major')
  await expect(headline).toHaveText('Broken')
  await expect(active.getByTestId('incident-card')).toHaveCount(before.incidents + 1)
  await expect(active.getByTestId('incident-card').first().getByRole('heading')).toHaveText(title)
  await expect(row.getByTestId('severity')).toHaveAttribute('data-level', 'major')

  const resolved = await request.patch(`/api/incidents/${incident}`, { headers: authorized, data: { endedAt: new Date().toISOString() } })
  expect(resolved.status()).toBe(204)

  // Gone from the active incidents, and the banner is back to what it said before.
  await expect(card).toBeHidden({ timeout: 1500 })
  await expect(banner).toHaveAttribute('data-level', before.level!)
  await expect(headline).toHaveText(before.headline!)
  await expect(active.getByTestId('incident-card')).toHaveCount(before.incidents)
  await expect(row.getByTestId('severity')).toHaveAttribute('data-level', 'operational')
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true)
})

test('a write between the page\'s rendering and its event stream is not missed', async ({ page, request }) => {
  // Hold the page's event stream until the write is done: the page was rendered before the write,
  // the stream's first version is already after it.
  let release!: () => void
  const written = new Promise<void>(resolve => (release = resolve))
  await page.route('**/api/events', async (route) => {
    await written
    await route.continue()
  })
  const streamAsked = page.waitForRequest(req => new URL(req.url()).pathname === '/api/events')
  await page.goto('/')
  await streamAsked
  const active = page.getByTestId('active-incidents')
  await expect(active.getByRole('link', { name: DEMO.ongoing })).toBeVisible()

  const type = await create(request, '/api/impacttypes', { displayName: 'Missed write test' })
  created.impacttypes.push(type)
  const component = await create(request, '/api/components', { displayName: 'Missed write service', labels: {} })
  created.components.push(component)
  const name = `${title} while loading`
  const incident = await create(request, '/api/incidents', { displayName: name, affects: [{ reference: component, type, severity: 100 }] })
  created.incidents.push(incident)
  const listening = page.waitForResponse(response => new URL(response.url()).pathname === '/api/events')
  release()
  await listening

  // Not missed is the point here, not how fast (the first test times that): the page renders anew.
  await expect(active.getByRole('link', { name, exact: true })).toBeVisible({ timeout: 5000 })
})

// The server's caches may answer others with data from before a write for about a second; a page
// that was told of the change names it, and gets data at least that new.
test('the refetch after a change names the data version the page was told', async ({ page, request }) => {
  await gotoReady(page, '/')
  const refetch = page.waitForRequest(r => new URL(r.url()).pathname === '/' && r.headers()['x-data-version'] !== undefined)
  created.components.push(await create(request, '/api/components', { displayName: 'Live test version', labels: {} }))
  const version = (await refetch).headers()['x-data-version']
  expect(version).toMatch(/^[\w-]+\.\d+$/)
  await expect(page.getByRole('link', { name: 'Live test version', exact: true })).toBeVisible()
})
