// axe-core on every admin page, in both themes and with its dialogs open: no serious or critical
// violation. Each dialog is opened and closed with the keyboard, holds the focus while open and
// gives it back to its button.
import { expect, test } from '@playwright/test'
import { ADMIN_PAGES, adminPath, adminTest, CHECKED_WITHOUT_LINKS, expectAccessible, expectDialogKeyboardSafe, gotoReady, setPreferences } from './support'

// axe takes seconds per scan on a busy machine, and a page with dialogs scans up to three times.
test.describe.configure({ timeout: 120_000 })

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await setPreferences(context, baseURL!, { theme })
    })

    test('the sign-in page has no serious or critical violations', async ({ page }) => {
      await gotoReady(page, '/admin/sign-in')
      await expect(page.locator('.v-application')).toHaveClass(new RegExp(`\\bv-theme--${theme}\\b`))
      await expectAccessible(page, CHECKED_WITHOUT_LINKS)
    })

    for (const { path, dialogs = [] } of ADMIN_PAGES) {
      adminTest(`${path} has no serious or critical violations${dialogs.length > 0 ? ', nor its dialogs' : ''}`, async ({ page }) => {
        await gotoReady(page, await adminPath(page.request, path))
        await expect(page.locator('.v-application')).toHaveClass(new RegExp(`\\bv-theme--${theme}\\b`))
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        await expectAccessible(page)

        for (const name of dialogs) {
          await expectDialogKeyboardSafe(page, page.getByRole('button', { name }).first(), () => expectAccessible(page))
        }
      })
    }
  })
}
