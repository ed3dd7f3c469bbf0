// axe-core on the public pages, in both themes: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { gotoHydrated, publicPages, setPreferences } from './support'

const PAGES = ['home', 'incident', 'component', 'history'] as const

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await setPreferences(context, baseURL!, { theme })
    })

    for (const name of PAGES) {
      test(`the ${name} page has no serious or critical violations`, async ({ page, request }) => {
        const path = (await publicPages(request))[name]
        await gotoHydrated(page, path)
        await expect(page.locator('.v-application')).toHaveClass(new RegExp(`\\bv-theme--${theme}\\b`))

        const { violations, passes } = await new AxeBuilder({ page }).analyze()
        const serious = violations
          .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
          .map(violation => `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map(node => node.target.join(' ')).join(', ')}`)
        expect(serious, path).toEqual([])
        // The scan did look: contrast and names were checked on this page.
        expect(passes.map(pass => pass.id)).toEqual(expect.arrayContaining(['color-contrast', 'link-name', 'document-title', 'html-has-lang']))
      })
    }
  })
}
