import { expect, test, type Page } from '@playwright/test'
import { admin } from '../../playwright.config'
import { authorized, choose, create, expectAccessible, navigate, signIn } from './support'

// Incidents that open themselves, from the admin area: a health beacon whose job reports down,
// taken over by the operator, and an alert rule for Alertmanager's alerts.

/** Components are picked by typing part of their name, as with many of them. */
async function pickComponent(page: Page, name: string) {
  await page.getByRole('dialog').getByRole('combobox', { name: 'Component' }).fill(name)
  await page.getByRole('option', { name }).click()
}

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

test('an admin creates a beacon, its down beat opens an incident, and the admin takes it over', async ({ page, request }) => {
  test.setTimeout(120_000)
  const componentName = unique('Backup store')
  await create(request, '/api/components', { displayName: componentName })
  await signIn(page, admin.email, admin.password)

  const beaconName = unique('Nightly backup')
  await navigate(page, 'Health beacons')
  await page.getByRole('button', { name: 'New beacon' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Name').fill(beaconName)
  await dialog.getByRole('spinbutton', { name: 'Interval' }).fill('30')
  await choose(page, dialog, 'Unit of interval', 'minutes')
  await pickComponent(page, componentName)
  await dialog.getByRole('button', { name: 'Save' }).click()

  const beacon = page.getByTestId('beacon').filter({ hasText: beaconName })
  await expect(beacon).toContainText('every 30 min, grace 5 min')
  await expect(beacon.getByTestId('beacon-state')).toHaveText('waiting for the first beat')
  const url = await beacon.getByRole('textbox', { name: 'URL' }).inputValue()
  expect(url).toMatch(/\/api\/beacons\/[\w-]{43}$/)
  await expect(beacon.getByRole('textbox', { name: 'Cron job line' })).toHaveValue(`curl -fsS -m 10 ${url}`)

  // The job says it is down: an incident opens at once.
  expect((await fetch(`${url}?status=down`, { method: 'POST' })).status).toBe(204)
  await page.reload()
  await expect(beacon.getByTestId('beacon-state')).toHaveText('down')
  await navigate(page, 'Incidents')
  await page.getByRole('link', { name: `${componentName}: ${beaconName} does not report` }).click()
  const automation = page.getByTestId('automation')
  await expect(automation).toContainText('Opened by a health beacon')
  await automation.getByRole('button', { name: 'Take over' }).click()
  await expect(automation).toContainText('taken over')

  // Taken over, the incident stays open when the job reports up again.
  expect((await fetch(url, { method: 'POST' })).status).toBe(204)
  await page.reload()
  await expect(page.getByTestId('incident-state')).toHaveText('Ongoing')
  const resolved = await request.patch(`/api/incidents/${page.url().split('/').at(-1)}`, { headers: authorized, data: { endedAt: new Date().toISOString() } })
  expect(resolved.status()).toBe(204)
})

test('an admin adds an alert rule and sees it listed, with the receiver for Alertmanager', async ({ page, request, baseURL }) => {
  const componentName = unique('Object storage')
  await create(request, '/api/components', { displayName: componentName })
  await signIn(page, admin.email, admin.password)

  await navigate(page, 'Alert rules')
  await page.getByText('Alertmanager\'s receiver configuration').click()
  await expect(page.getByRole('textbox', { name: 'Receiver (alertmanager.yml)' })).toHaveValue(new RegExp(`url: ${baseURL}/api/integrations/alertmanager\n`))
  await page.getByRole('button', { name: 'New rule' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Add matcher' }).click()
  await dialog.getByLabel('Label', { exact: true }).fill('service')
  await dialog.getByLabel('Value', { exact: true }).fill('object-storage')
  await pickComponent(page, componentName)
  await dialog.getByRole('button', { name: 'Save' }).click()

  const rule = page.getByTestId('alert-rule').filter({ hasText: componentName })
  await expect(rule.getByTestId('matcher')).toHaveText('service=object-storage')
  await expect(rule).toContainText('severity 50 · by label: critical 90, warning 50')
})

for (const path of ['/admin/beacons', '/admin/alert-rules']) {
  test(`${path} has no serious or critical accessibility violations`, async ({ page }) => {
    await signIn(page, admin.email, admin.password)
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectAccessible(page)
  })
}
