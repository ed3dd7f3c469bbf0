// Full-page screenshots of the overview in both themes, for people to look at: attached to the
// report and kept as test-results/screenshots/home-<theme>-<project>.png, which CI archives.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { demoData, gotoReady, setPreferences } from './support'

const backgrounds = { light: 'rgb(246, 247, 249)', dark: 'rgb(18, 18, 18)' }

for (const theme of ['light', 'dark'] as const) {
  test(`the overview in the ${theme} theme`, async ({ page, context, baseURL, request }, testInfo) => {
    const { components } = await demoData(request)
    await setPreferences(context, baseURL!, { theme })
    await gotoReady(page, '/')
    await expect(page.getByTestId('status-banner')).toBeVisible()
    await expect(page.getByTestId('component-row')).toHaveCount(components.length)
    await expect(page.locator('.v-application')).toHaveCSS('background-color', backgrounds[theme])
    await page.evaluate(() => document.fonts.ready)

    const body = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' })
    // A PNG of the whole page: as wide as the viewport, taller than it.
    expect(body.subarray(1, 4).toString()).toBe('PNG')
    expect(body.readUInt32BE(16)).toBe(page.viewportSize()!.width)
    expect(body.readUInt32BE(20)).toBeGreaterThan(page.viewportSize()!.height)

    const name = `home-${theme}-${testInfo.project.name}.png`
    await testInfo.attach(name, { body, contentType: 'image/png' })
    // The output directory is emptied when a run starts, not afterwards.
    const directory = join(testInfo.project.outputDir, 'screenshots')
    await mkdir(directory, { recursive: true })
    await writeFile(join(directory, name), body)
  })
}
