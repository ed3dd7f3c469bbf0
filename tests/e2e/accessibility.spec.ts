// axe-core on the public pages, in both themes: no serious or critical violation.
import { expect, test } from '@playwright/test'
import { expectAccessible, gotoReady, publicPages, setPreferences } from './support'

const PAGES = ['home', 'incident', 'component', 'history', 'subscribe'] as const

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await setPreferences(context, baseURL!, { theme })
    })

    for (const name of PAGES) {
      test(`the ${name} page has no serious or critical violations`, async ({ page, request }) => {
        const path = (await publicPages(request))[name]
        await gotoReady(page, path)
        await expect(page.locator('.v-application')).toHaveClass(new RegExp(`\\bv-theme--${theme}\\b`))

        await expectAccessible(page)
      })
    }
  })
}
