// The public pages load nothing from other origins (no CDN fonts, no analytics), and they work
// without JavaScript: the server renders everything, the switches are links, the filter a form.
import { expect, test } from '@playwright/test'
import { DEMO, demoData, foreignRequests, gotoReady, publicPages, renderedTheme } from './support'

test('the public pages make no request to another origin', async ({ page, request, baseURL }) => {
  const pages = await publicPages(request)
  const foreign = foreignRequests(page, baseURL!)
  const own: string[] = []
  page.on('request', req => own.push(new URL(req.url()).pathname))

  for (const path of Object.values(pages)) {
    // Everything the page loads by itself has been asked for once it is ready.
    await gotoReady(page, path)
    await expect(page.getByRole('main')).toBeVisible()
  }
  // A link from the app's page (the subscription page) to a status page stays on the origin too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Status' }).click()
  await expect(page.getByTestId('status-banner')).toBeVisible()

  // The requests were seen at all: scripts, styles and the fonts among them.
  expect(own.some(path => path.startsWith('/_nuxt/') && path.endsWith('.js'))).toBe(true)
  expect(own.some(path => path.endsWith('.woff2'))).toBe(true)
  expect(foreign).toEqual([])
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the overview, an incident and a component show everything', async ({ page, request, baseURL }) => {
    const pages = await publicPages(request)
    const { components } = await demoData(request)
    const foreign = foreignRequests(page, baseURL!)

    await page.goto('/')
    await expect(page.getByTestId('status-banner')).not.toHaveAttribute('data-level', /operational|unknown/)
    await expect(page.getByTestId('status-banner').getByRole('heading', { level: 1 })).not.toHaveText('All systems operational')
    await expect(page.getByTestId('active-incidents').getByRole('link', { name: DEMO.ongoing })).toBeVisible()
    await expect(page.getByTestId('active-incidents')).toContainText('Identified – A faulty line card was found')
    await expect(page.getByTestId('scheduled-maintenance').getByRole('link', { name: DEMO.maintenance })).toBeVisible()
    await expect(page.getByTestId('component-row')).toHaveCount(components.length)
    await expect(page.getByTestId('history-bar')).toHaveCount(components.length)

    // Links are plain links.
    await page.getByTestId('active-incidents').getByRole('link', { name: DEMO.ongoing }).click()
    await expect(page).toHaveURL(new RegExp(`${pages.incident}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.ongoing)
    await expect(page.locator('[aria-current="step"]')).toHaveText('Working on it')
    await expect(page.getByTestId('timeline').getByRole('heading', { level: 3 })).toHaveText(['Identified', 'Investigating'])
    await expect(page.getByTestId('affected-components').getByRole('row')).toHaveCount(3)

    await page.getByTestId('affected-components').getByRole('link', { name: DEMO.component }).click()
    await expect(page).toHaveURL(new RegExp(`${pages.component}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.component)
    await expect(page.getByTestId('labels').getByRole('definition')).toHaveCount(2)
    await expect(page.getByTestId('current-impacts').getByRole('link', { name: DEMO.ongoing })).toBeVisible()
    expect(foreign).toEqual([])
  })

  test('the history lists incidents by month and filters with a plain form', async ({ page, request }) => {
    const demo = await demoData(request)
    const component = demo.component(DEMO.component)
    await page.goto('/history')
    await expect(page.getByTestId('history-month')).toHaveCount(3)
    await expect(page.getByTestId('history-month').getByRole('link', { name: DEMO.pastMaintenance })).toBeVisible()

    await page.getByLabel('Component', { exact: true }).selectOption({ label: DEMO.component })
    await page.getByRole('button', { name: 'Show' }).click()
    await expect(page).toHaveURL(new RegExp(`/history\\?component=${component.id}$`))
    const cards = page.getByTestId('history-month').getByTestId('incident-card')
    await expect(cards.getByRole('link', { name: DEMO.ongoing })).toBeVisible()
    await expect(cards.getByRole('link', { name: DEMO.pastMaintenance })).toHaveCount(0)
    await expect(page.getByLabel('Component', { exact: true })).toHaveValue(component.id)

    // A day of a history bar links to the incidents of that day.
    await page.goto(`/components/${component.id}`)
    const day = page.getByRole('group', { name: `${DEMO.component}: the last 90 days` }).getByRole('link').last()
    const key = new URLSearchParams((await day.getAttribute('href'))!.split('?')[1]).get('day')
    await day.click()
    await expect(page).toHaveURL(new RegExp(`/history\\?component=${component.id}&day=${key}$`))
    await expect(page.getByTestId('history-day').getByRole('link', { name: DEMO.ongoing })).toBeVisible()
  })

  test('the theme, palette and language switches work as plain links', async ({ page }) => {
    await page.goto('/history')
    expect(await renderedTheme(page)).toBe('light')
    const preferences = page.getByTestId('preferences')

    await preferences.getByRole('link', { name: 'Dark', exact: true }).click()
    await expect(page).toHaveURL(/\/history$/)
    expect(await renderedTheme(page)).toBe('dark')
    await expect(page.locator('.v-application')).toHaveCSS('background-color', 'rgb(18, 18, 18)')

    await preferences.getByRole('link', { name: 'Colour-blind safe' }).click()
    expect(await renderedTheme(page)).toBe('dark-colorblind')

    await preferences.getByRole('link', { name: 'Deutsch' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verlauf')
    expect(await renderedTheme(page)).toBe('dark-colorblind')

    await preferences.getByRole('link', { name: 'Hell' }).click()
    expect(await renderedTheme(page)).toBe('light-colorblind')
    await expect(page.locator('.v-application')).toHaveCSS('background-color', 'rgb(246, 247, 249)')
  })
})
