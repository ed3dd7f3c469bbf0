// The display switches in the footer: theme, palette and language are cookies that the server
// renders, so a choice survives a reload and never flashes.
import { expect, test } from '@playwright/test'
import { DEMO, gotoReady, renderedTheme, themeInHtml } from './support'

test('dark mode and the colour-blind palette chosen in the footer are rendered by the server', async ({ page }) => {
  const first = await page.goto('/history')
  const firstHtml = await first!.text()
  // No choice yet: the light theme, turned dark by CSS only where the system prefers it.
  expect(themeInHtml(firstHtml)).toBe('light')
  expect(firstHtml).toContain('data-hid="follow-system-dark"')

  const preferences = page.getByTestId('preferences')
  await preferences.getByRole('link', { name: 'Dark', exact: true }).click()
  // The switch comes back to the page it was used on.
  await expect(page).toHaveURL(/\/history$/)
  await expect(preferences.getByRole('link', { name: 'Dark', exact: true })).toHaveAttribute('aria-current', 'true')
  expect(await renderedTheme(page)).toBe('dark')
  await preferences.getByRole('link', { name: 'Colour-blind safe' }).click()
  await expect(preferences.getByRole('link', { name: 'Colour-blind safe' })).toHaveAttribute('aria-current', 'true')
  await expect(preferences.getByRole('link', { name: 'Dark', exact: true })).toHaveAttribute('aria-current', 'true')

  // A reload is rendered dark and colour-blind safe by the server, before any script runs.
  const reloaded = await page.reload()
  const html = await reloaded!.text()
  expect(themeInHtml(html)).toBe('dark-colorblind')
  expect(html).not.toContain('follow-system-dark')
  expect(await renderedTheme(page)).toBe('dark-colorblind')
  await expect(page.locator('.v-application')).toHaveCSS('background-color', 'rgb(18, 18, 18)')

  // So is a fresh request carrying the cookies, for another page.
  const fresh = await page.request.get('/')
  expect(fresh.status()).toBe(200)
  expect(themeInHtml(await fresh.text())).toBe('dark-colorblind')
  await page.goto('/')
  // The demo's "limited" incident in the colour-blind dark palette: orange, not amber.
  const card = page.getByTestId('active-incidents').getByTestId('incident-card').filter({ hasText: DEMO.ongoing })
  await expect(card.getByTestId('severity')).toHaveCSS('background-color', 'rgb(230, 159, 0)')

  // Back to the defaults: the cookies go, and the page follows the system again.
  await preferences.getByRole('link', { name: 'System', exact: true }).click()
  await preferences.getByRole('link', { name: 'Standard', exact: true }).click()
  await expect(preferences.getByRole('link', { name: 'System', exact: true })).toHaveAttribute('aria-current', 'true')
  expect(await renderedTheme(page)).toBe('light')
  const cookies = (await page.context().cookies()).map(cookie => cookie.name)
  expect(cookies).not.toContain('theme')
  expect(cookies).not.toContain('palette')
})

test.describe('following the system', () => {
  test.use({ colorScheme: 'dark' })

  test('without a choice the page is dark where the system prefers dark', async ({ page }) => {
    await page.goto('/')
    expect(await renderedTheme(page)).toBe('light')
    await expect(page.locator('.v-application')).toHaveCSS('background-color', 'rgb(18, 18, 18)')
    await page.getByTestId('preferences').getByRole('link', { name: 'Light', exact: true }).click()
    await expect(page.locator('.v-application')).toHaveCSS('background-color', 'rgb(246, 247, 249)')
  })
})

test('the German switch gives German texts until English is chosen again', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByTestId('active-incidents').getByRole('heading', { level: 2 })).toHaveText('Active incidents')
  await page.getByTestId('preferences').getByRole('link', { name: 'Deutsch' }).click()

  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  await expect(page.getByTestId('active-incidents').getByRole('heading', { level: 2 })).toHaveText('Aktuelle Störungen')
  await expect(page.getByTestId('scheduled-maintenance').getByRole('heading', { level: 2 })).toHaveText('Geplante Wartungen')
  await expect(page.getByTestId('components').getByRole('heading', { level: 2 })).toHaveText('Komponenten')
  await expect(page.getByTestId('status-banner')).toContainText(/\d+ Komponenten? betroffen von \d+ Störung(en)?\./)
  await expect(page.getByTestId('active-incidents').getByTestId('incident-state')).toHaveText('Andauernd')
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verlauf' })).toBeVisible()
  await expect(page.getByTestId('preferences').getByRole('heading')).toHaveText('Darstellung')

  // The choice holds on the next page, rendered by the server.
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verlauf' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verlauf')
  await expect(page.getByRole('button', { name: 'Anzeigen' })).toBeVisible()
  expect(await (await page.request.get('/history')).text()).toMatch(/<html[^>]*\slang="de"/)

  await page.getByTestId('preferences').getByRole('link', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('History')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test.describe('a browser that prefers German', () => {
  // The browser's language: Chromium sends it as Accept-Language (an extra header would be overridden).
  test.use({ locale: 'de' })

  test('gets German by default, and English when it asks for it', async ({ page }) => {
    const response = await page.goto('/')
    expect(await response!.request().headerValue('accept-language')).toBe('de')
    await expect(page.locator('html')).toHaveAttribute('lang', 'de')
    await expect(page.getByTestId('active-incidents').getByRole('heading', { level: 2 })).toHaveText('Aktuelle Störungen')
    await expect(page.getByTestId('preferences').getByRole('link', { name: 'Deutsch' })).toHaveAttribute('aria-current', 'true')

    // The page cache keeps the languages apart.
    const english = await page.request.get('/', { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } })
    expect(await english.text()).toContain('Active incidents')
    const ranked = await page.request.get('/', { headers: { 'Accept-Language': 'fr-FR, de;q=0.8, en;q=0.5' } })
    expect(await ranked.text()).toContain('Aktuelle Störungen')

    // An explicit choice beats the header.
    await page.getByTestId('preferences').getByRole('link', { name: 'English' }).click()
    await expect(page.getByTestId('active-incidents').getByRole('heading', { level: 2 })).toHaveText('Active incidents')
  })
})

// public/page-live.js shows a status page in the browser's zone: it sets the zone's cookie and
// fetches the page again. It asks for the zone's name (Intl, slow on a phone) only where the
// zone's offsets in January and July differ from the page's zone's.
for (const { zone, switches } of [
  { zone: 'America/New_York', switches: true },
  // The same offset as UTC in December, another one in July.
  { zone: 'Europe/London', switches: true },
  { zone: 'UTC', switches: false },
]) {
  test.describe(`a browser in ${zone}`, () => {
    test.use({ timezoneId: zone })

    test(switches ? 'sees the status page in its zone after its first visit' : 'keeps the page as the server rendered it', async ({ page, context, baseURL }) => {
      // The zone cookie that each load of the page sent.
      const loads: Promise<string | undefined>[] = []
      page.on('request', (request) => {
        if (request.url() === `${baseURL}/`) loads.push(request.headerValue('cookie').then(cookie => /(?:^|; )tz=([^;]*)/.exec(cookie ?? '')?.[1]))
      })
      // Counts the page's uses of Intl's date formats.
      await page.addInitScript(() => {
        const counted = window as { intlUses?: number }
        counted.intlUses = 0
        Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
          apply: (target, self, args) => (counted.intlUses!++, Reflect.apply(target, self, args)),
          construct: (target, args) => (counted.intlUses!++, Reflect.construct(target, args)),
        })
      })
      await gotoReady(page, '/')
      await expect(page.locator('html')).toHaveAttribute('data-time-zone', 'UTC')
      if (switches) {
        await expect.poll(() => Promise.all(loads)).toEqual([undefined, encodeURIComponent(zone)])
        expect((await context.cookies()).find(cookie => cookie.name === 'tz')?.value).toBe(encodeURIComponent(zone))
        // The next visit is rendered in the zone, and needs no second load.
        await gotoReady(page, '/')
        await expect(page.locator('html')).toHaveAttribute('data-time-zone', zone)
        await page.waitForTimeout(1000)
        expect(loads).toHaveLength(3)
      }
      else {
        await page.waitForTimeout(1000)
        expect(await Promise.all(loads)).toEqual([undefined])
        expect(await page.evaluate(() => (window as { intlUses?: number }).intlUses)).toBe(0)
        expect((await context.cookies()).find(cookie => cookie.name === 'tz')).toBeUndefined()
      }
    })
  })
}
