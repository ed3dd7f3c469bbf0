// The public pages with the demo data: the overview, an incident, a component, the history.
import { expect, test, type Locator } from '@playwright/test'
import { DAY, demoData, DEMO, expectedBanner, gotoReady, publicPages, type Incident } from './support'

// Months and days are cut in the visitor's time zone; pin it so the expectations can be computed.
test.use({ timezoneId: 'UTC' })

/** The `datetime` of the first time in each element: an incident card's begin. */
const beganAt = (cards: Locator) => cards.evaluateAll(elements => elements.map(card => card.querySelector('time')!.getAttribute('datetime')!))

/**
 * What a history bar draws: how many days (its width over a day's room in the dashed line of the
 * quiet days), and each linked day with the slot it is drawn in (0: the oldest).
 */
const barDays = (bar: Locator) => bar.locator('svg').evaluate((svg: SVGSVGElement) => {
  const [dash, gap] = svg.querySelector('path[stroke-dasharray]')!.getAttribute('stroke-dasharray')!.split(' ').map(Number)
  const room = dash! + gap!
  return {
    days: svg.viewBox.baseVal.width / room,
    linked: [...svg.querySelectorAll('a')].map(link => ({
      day: new URL(link.getAttribute('href')!, location.href).searchParams.get('day')!,
      slot: Number(/^M([\d.]+) /.exec(link.querySelector('path')!.getAttribute('d')!)![1]) / room,
    })),
  }
})

/** The UTC days of the last 90 that an incident affecting the component overlaps, oldest first. */
function daysTouched(incidents: Incident[], componentId: string): string[] {
  const now = Date.now()
  const first = (Math.floor(now / DAY) - 89) * DAY
  const days = new Set<string>()
  for (const incident of incidents.filter(each => each.affects.some(impact => impact.reference === componentId))) {
    const end = Math.min(incident.endedAt ? Date.parse(incident.endedAt) : now, now)
    for (let day = Math.floor(Date.parse(incident.beganAt) / DAY) * DAY; day < end; day += DAY) {
      if (day >= first) days.add(new Date(day).toISOString().slice(0, 10))
    }
  }
  return [...days].sort()
}

test('the overview shows the overall status, incidents, maintenance and components with history', async ({ page, request }) => {
  const demo = await demoData(request)
  await page.goto('/')

  // The demo's ongoing incident has a "limited" impact (66): the banner must not say all is well.
  const banner = page.getByTestId('status-banner')
  const expected = expectedBanner(demo)
  expect(demo.active.map(incident => incident.displayName)).toContain(DEMO.ongoing)
  await expect(banner).toHaveAttribute('data-level', expected.level)
  await expect(banner.getByRole('heading', { level: 1 })).toHaveText(expected.headline)
  await expect(banner).not.toContainText('All systems operational')
  await expect(banner.getByRole('status')).toContainText(expected.detail)

  const active = page.getByTestId('active-incidents')
  await expect(active.getByRole('heading', { level: 2 })).toHaveText('Active incidents')
  await expect(active.getByTestId('incident-card')).toHaveCount(demo.active.length)
  const card = active.getByTestId('incident-card').filter({ has: page.getByRole('link', { name: DEMO.ongoing, exact: true }) })
  await expect(card.getByTestId('incident-state')).toHaveText('Ongoing')
  await expect(card.getByTestId('severity')).toHaveText('Limited')
  await expect(card).toContainText('Phase: Working on it')
  await expect(card).toContainText(/Affects 2 components: (Compute de-east-2, Block Storage de-east-2|Block Storage de-east-2, Compute de-east-2)/)
  // Only the latest of its two updates.
  await expect(card).toContainText('Latest update')
  await expect(card).toContainText('Identified – A faulty line card was found; traffic is being moved off it.')
  await expect(card).not.toContainText('Investigating')

  const maintenance = page.getByTestId('scheduled-maintenance')
  const planned = maintenance.getByTestId('incident-card').filter({ has: page.getByRole('link', { name: DEMO.maintenance, exact: true }) })
  await expect(planned).toHaveCount(1)
  await expect(planned.getByTestId('incident-state')).toHaveText('Scheduled')
  await expect(planned.getByTestId('severity')).toHaveText('Maintenance')
  await expect(planned).toContainText('Starts in 5 days')
  await expect(planned).toContainText('Affects 3 components')

  // Grouped by region, then availability zone; the components without a region come last.
  const components = page.getByTestId('components')
  await expect(components.getByRole('heading', { level: 3 }).filter({ hasNotText: 'Legend' }))
    .toHaveText([/region\s+de-east/, /region\s+de-west/, 'Without region'])
  // Object Storage has a region but no zone.
  await expect(components.getByRole('heading', { level: 4 })).toHaveText([/az\s+1/, /az\s+2/, 'Without az', /az\s+1/, /az\s+2/, 'Without az'])
  const eastZone2 = components.getByTestId('component-group').filter({ has: page.getByRole('heading', { name: /region\s+de-east/ }) })
    .getByTestId('component-group').filter({ has: page.getByRole('heading', { name: /az\s+2/ }) })
  // The names; the days with incidents in the history bars are links too, named by their title.
  await expect(eastZone2.getByTestId('component-row').getByRole('link').filter({ hasNot: page.locator('title') }))
    .toHaveText(['Block Storage de-east-2', 'Compute de-east-2'])

  await expect(components.getByTestId('component-row')).toHaveCount(demo.components.length)
  const bars = components.getByTestId('history-bar')
  await expect(bars).toHaveCount(demo.components.length)
  for (const bar of await bars.all()) expect((await barDays(bar)).days).toBe(90)
  // The days with incidents link to them: exactly the days the component's incidents touch, each
  // drawn in its day's place, today's the last one.
  const computeBar = page.getByRole('group', { name: `${DEMO.component}: the last 90 days` })
  const todayKey = new Date().toISOString().slice(0, 10)
  const { linked } = await barDays(computeBar)
  expect(linked.map(({ day }) => day)).toEqual(daysTouched(demo.incidents, demo.component(DEMO.component).id))
  for (const { day, slot } of linked) expect(slot, day).toBe(89 - (Date.parse(todayKey) - Date.parse(day)) / DAY)
  expect(linked.at(-1)!.day).toBe(todayKey)
  const links = computeBar.getByRole('link')
  await expect(links).toHaveCount(linked.length)
  await expect(links.last()).toHaveAccessibleName(/\w.*: Limited, 1 incident$/)
  await expect(links.last()).toHaveAttribute('href', `/history?component=${demo.component(DEMO.component).id}&day=${todayKey}`)
  // On a phone only the last 30 days show, and only their links can be reached.
  await page.setViewportSize({ width: 390, height: 844 })
  for (const [index, { slot }] of linked.entries()) {
    if (slot < 60) await expect(links.nth(index)).toBeHidden()
    else await expect(links.nth(index)).toBeVisible()
  }
  const computeRow = components.getByTestId('component-row').filter({ has: page.getByRole('link', { name: DEMO.component, exact: true }) })
  await expect(computeRow.getByTestId('severity')).toHaveText('Limited')
  // A component nothing affects is operational, and its bar has no red or amber today.
  const identityRow = components.getByTestId('component-row').filter({ has: page.getByRole('link', { name: 'Identity', exact: true }) })
  await expect(identityRow.getByTestId('severity')).toHaveAttribute('data-level', 'operational')
})

test('the status pages come as HTML with one small script of their own, not the app', async ({ page, request }) => {
  const pages = await publicPages(request)
  const scripts: string[] = []
  page.on('request', req => req.resourceType() === 'script' && scripts.push(new URL(req.url()).pathname))
  for (const path of [pages.home, pages.incident, pages.component, pages.history]) {
    const html = await (await gotoReady(page, path))!.text()
    expect(html, path).not.toContain('__NUXT_DATA__')
    expect([...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag), path).toEqual(['<script src="/page-live.js" defer>'])
    await expect(page.getByRole('main')).toBeVisible()
  }
  expect(new Set(scripts)).toEqual(new Set(['/page-live.js']))

  // A link loads the next status page anew: the overview's component list is back in full.
  const demo = await demoData(request)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Status' }).click()
  await expect(page.getByTestId('component-row')).toHaveCount(demo.components.length)

  // The subscription page is still the app's, and hydrates.
  const html = await (await gotoReady(page, pages.subscribe))!.text()
  expect(html).toContain('__NUXT_DATA__')
})

test('an incident page shows the incident, its impacts, its phase and its updates newest first', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('active-incidents').getByRole('link', { name: DEMO.ongoing }).click()
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/)

  const incident = page.getByTestId('incident')
  await expect(incident.getByRole('heading', { level: 1 })).toHaveText(DEMO.ongoing)
  await expect(page).toHaveTitle(new RegExp(`^${DEMO.ongoing} · `))
  await expect(incident.getByText('Instances in de-east-2 see higher latency and some packet loss.')).toBeVisible()
  await expect(incident.getByTestId('incident-state')).toHaveText('Ongoing')
  await expect(incident.getByRole('definition').nth(1)).toHaveText('Ongoing')

  const affected = incident.getByTestId('affected-components')
  await expect(affected.getByRole('row')).toHaveCount(3)
  await expect(affected.getByRole('row', { name: /Compute de-east-2/ }).getByRole('cell'))
    .toHaveText(['Compute de-east-2', 'Connectivity Problems', 'Limited'])
  await expect(affected.getByRole('row', { name: /Block Storage de-east-2/ }).getByRole('cell'))
    .toHaveText(['Block Storage de-east-2', 'Performance Degradation', 'Operational'])

  // Phase 2 of the demo's five: two done, one current, two ahead.
  const steps = incident.getByTestId('phase-progress').getByRole('listitem')
  await expect(steps).toHaveText([...DEMO.phases])
  const current = steps.and(page.locator('[aria-current="step"]'))
  await expect(current).toHaveCount(1)
  await expect(current).toHaveText('Working on it')
  for (const index of [0, 1]) await expect(steps.nth(index)).toHaveClass(/phases__step--done/)
  for (const index of [3, 4]) await expect(steps.nth(index)).not.toHaveClass(/phases__step--(done|current)/)

  const timeline = incident.getByTestId('timeline')
  await expect(timeline.getByRole('heading', { level: 3 })).toHaveText(['Identified', 'Investigating'])
  const times = await timeline.getByRole('listitem').evaluateAll(items => items.map(item => item.querySelector('time')!.getAttribute('datetime')!))
  expect(times).toEqual([...times].sort().reverse())
  await expect(timeline.getByRole('listitem').first()).toContainText('A faulty line card was found')
})

test('a component page shows the component, its labels and what affects it', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('active-incidents').getByRole('link', { name: DEMO.ongoing }).click()
  await page.getByTestId('affected-components').getByRole('link', { name: DEMO.component }).click()
  await expect(page).toHaveURL(/\/components\/[0-9a-f-]{36}$/)

  const component = page.getByTestId('component')
  await expect(component.getByRole('heading', { level: 1 })).toHaveText(DEMO.component)
  await expect(component.getByTestId('severity').first()).toHaveText('Limited')
  const labels = component.getByTestId('labels')
  const names = await labels.getByRole('term').allTextContents()
  const values = await labels.getByRole('definition').allTextContents()
  expect(Object.fromEntries(names.map((name, i) => [name.trim(), values[i]!.trim()]))).toEqual({ region: 'de-east', az: '2' })

  const impacts = component.getByTestId('current-impacts')
  await expect(impacts.getByRole('row', { name: new RegExp(DEMO.ongoing) }).getByRole('cell'))
    .toHaveText([DEMO.ongoing, 'Connectivity Problems', 'Limited'])
  await expect(page.getByRole('group', { name: `${DEMO.component}: the last 90 days` })).toBeVisible()
  await expect(component.getByTestId('incident-card').getByRole('link', { name: DEMO.ongoing })).toBeVisible()
})

test('the history lists past incidents by month, newest first, and filters by component', async ({ page, request }) => {
  const demo = await demoData(request)
  const now = Date.now()
  const past = demo.incidents.filter(incident => Date.parse(incident.beganAt) <= now)

  await page.goto('/history')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('History')
  const months = page.getByTestId('history-month')
  await expect(months).toHaveCount(3)
  const monthName = new Intl.DateTimeFormat('en', { timeZone: 'UTC', year: 'numeric', month: 'long' })
  const expectedMonths = [0, 1, 2].map((back) => {
    const date = new Date(now)
    date.setUTCDate(15)
    date.setUTCMonth(date.getUTCMonth() - back)
    return { key: date.toISOString().slice(0, 7), name: monthName.format(date) }
  })
  await expect(months.getByRole('heading', { level: 2 })).toHaveText(expectedMonths.map(month => month.name))

  let shown = 0
  for (const [index, month] of expectedMonths.entries()) {
    const began = await beganAt(months.nth(index).getByTestId('incident-card'))
    // Each card sits in the month it began in, newest first.
    expect(began.every(at => at.startsWith(month.key)), `${month.key}: ${began}`).toBe(true)
    expect(began).toEqual([...began].sort().reverse())
    shown += began.length
  }
  // All of them: every incident that began in these months.
  expect(shown).toBe(past.filter(incident => incident.beganAt >= `${expectedMonths.at(-1)!.key}-01`).length)
  await expect(months.getByTestId('incident-card').getByRole('link', { name: DEMO.pastMaintenance })).toBeVisible()
  // Future maintenance is not history.
  await expect(page.getByRole('link', { name: DEMO.maintenance })).toHaveCount(0)

  const component = demo.component(DEMO.component)
  const affecting = past.filter(incident => incident.affects.some(impact => impact.reference === component.id))
  expect(affecting.length).toBeGreaterThan(1)
  await page.getByLabel('Component', { exact: true }).selectOption({ label: DEMO.component })
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(new RegExp(`/history\\?component=${component.id}$`))
  const cards = months.getByTestId('incident-card')
  await expect(cards).toHaveCount(affecting.length)
  await expect(cards.getByRole('heading', { level: 3 })).toHaveText(
    [...affecting].sort((a, b) => Date.parse(b.beganAt) - Date.parse(a.beganAt)).map(incident => incident.displayName))
  await expect(cards.getByRole('link', { name: DEMO.ongoing })).toBeVisible()
  await expect(cards.getByRole('link', { name: DEMO.pastMaintenance })).toHaveCount(0)
})

test('an unknown incident gives a 404 page', async ({ page }) => {
  for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
    const response = await page.goto(`/incidents/${id}`)
    expect(response?.status(), id).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
    await expect(page.getByText('There is no incident with this address.')).toBeVisible()
    await expect(page.getByRole('link', { name: 'Back to the status page' })).toHaveAttribute('href', '/')
  }
})
