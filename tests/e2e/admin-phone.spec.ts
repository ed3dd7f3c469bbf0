// The admin area on a phone: every page fits the screen's width, the navigation folds into the
// drawer, forms stack, the incident page starts with "Post an update", and the operator's journey
// works by touch (operatorJourney in support.ts).
import { expect, test } from '@playwright/test'
import { ADMIN_PAGES, adminPath, adminTest, gotoReady, operatorJourney, touchOperator } from './support'

const PHONES = [{ width: 390, height: 844 }, { width: 360, height: 740 }]

for (const viewport of PHONES) {
  adminTest.describe(`at ${viewport.width}×${viewport.height}`, () => {
    adminTest.use({ viewport, hasTouch: true, isMobile: true })

    adminTest('no admin page scrolls sideways, and the navigation is in the drawer', async ({ page }) => {
      adminTest.setTimeout(240_000)
      for (const { path } of ADMIN_PAGES) {
        await gotoReady(page, await adminPath(page.request, path))
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, screen: innerWidth }))
        expect(widths.content, `${path} is ${widths.content}px wide`).toBeLessThanOrEqual(widths.screen)
      }
      const navigation = page.getByRole('navigation')
      // A closed drawer is moved off the screen, not hidden.
      await expect(navigation.getByRole('link', { name: 'Incidents' })).not.toBeInViewport()
      await page.getByRole('button', { name: 'Menu' }).tap()
      await expect(navigation.getByRole('link', { name: 'Incidents' })).toBeInViewport()
    })
  })
}

adminTest.describe('on a phone', () => {
  adminTest.use({ viewport: PHONES[0], hasTouch: true, isMobile: true })

  adminTest('the incident page starts with posting an update, and its fields stack', async ({ page }) => {
    await gotoReady(page, await adminPath(page.request, '/admin/incidents/{ongoing}'))
    const form = page.getByTestId('update-form')
    const top = async (name: string) => (await page.getByText(name, { exact: true }).first().boundingBox())!.y
    expect(await top('Post an update')).toBeLessThan(await top('Timeline'))
    expect(await top('Post an update')).toBeLessThan(await top('Affects'))
    const phase = (await form.getByRole('combobox', { name: 'Phase' }).boundingBox())!
    const update = (await form.getByRole('textbox', { name: 'Update' }).boundingBox())!
    expect(phase.y).toBeGreaterThan(update.y + update.height)
  })
})

test.describe('by touch', () => {
  test.use({ viewport: PHONES[0], hasTouch: true, isMobile: true, locale: 'en-US' })

  test('an operator does the whole journey on a phone', async ({ page }) => {
    test.setTimeout(240_000)
    await operatorJourney(page, touchOperator(page), 'Phone journey: API timeouts')
  })
})
