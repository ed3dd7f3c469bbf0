import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { admin, adminToken } from '../../playwright.config'
import { choose, delayScripts, navigate, signIn, signInAccepted, whenHydrated } from './support'

// The operator's journeys through the admin area, in Chromium against the built app with demo
// data (severities maintenance/operational/limited/broken, impact types, phases).

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** The severity level `/` shows for a component: operational, maintenance, minor, major. */
async function publicLevel(page: Page, componentName: string) {
  await page.goto('/')
  return page.getByTestId('component-row').filter({ hasText: componentName }).getByTestId('severity').getAttribute('data-level')
}

/** A datetime-local value `ms` from now, in the browser's (and this machine's) time zone. */
function localInput(ms: number) {
  const d = new Date(Date.now() + ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

async function createEditor(request: APIRequestContext) {
  const editor = { email: `${unique('editor').replace(' ', '-')}@example.test`, password: 'e2e-editor-password' }
  const reply = await request.post('/api/users', { headers: { authorization: `Bearer ${adminToken}` }, data: { ...editor, role: 'editor' } })
  expect(reply.status()).toBe(201)
  return editor
}

test('an operator opens, updates and resolves an incident, and the audit log tells each step', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, admin.email, admin.password)

  // A component to be affected.
  const componentName = unique('Load balancer')
  await navigate(page, 'Components')
  await page.getByRole('button', { name: 'New component' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Name').fill(componentName)
  await dialog.getByRole('button', { name: 'Add label' }).click()
  await dialog.getByLabel('Key').fill('region')
  await dialog.getByLabel('Value').fill('de-west')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId('component').filter({ hasText: componentName })).toContainText('region=de-west')

  // An incident affecting it, opened from the dashboard.
  const title = unique('Load balancer drops connections')
  await navigate(page, 'Dashboard')
  await page.getByRole('link', { name: 'Open incident' }).click()
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Description').fill('Some connections to services in de-west are reset.')
  const impact = page.getByTestId('impact-0')
  await choose(page, impact, 'Component', componentName)
  await choose(page, impact, 'Impact type', 'Connectivity Problems')
  await choose(page, impact, 'Severity', 'broken')
  await choose(page, page.locator('form'), 'Phase', 'Investigation ongoing')
  await page.getByRole('button', { name: 'Open incident' }).click()
  await expect(page.getByTestId('incident-title')).toHaveText(title)
  await expect(page.getByTestId('incident-state')).toHaveText('Ongoing')
  await expect(page.getByTestId('incident-phase')).toHaveText('Investigation ongoing')
  const incidentId = page.url().split('/').at(-1)!

  // The public page shows it, and the component as broken.
  expect(await publicLevel(page, componentName)).toBe('major')
  await expect(page.getByTestId('active-incidents')).toContainText(title)
  await page.goto(`/admin/incidents/${incidentId}`)

  // An update that moves the incident to the next phase.
  const updates = page.getByTestId('update-form')
  await updates.getByLabel('Update').fill('Faulty line card identified')
  await updates.getByLabel('Details').fill('Traffic is being moved to the standby unit.')
  await choose(page, updates, 'Phase', 'Working on it')
  await updates.getByRole('button', { name: 'Post update' }).click()
  await expect(page.getByTestId('update-0')).toContainText('Faulty line card identified')
  await expect(page.getByTestId('incident-phase')).toHaveText('Working on it')

  // Resolved, in the same form.
  await updates.getByTestId('resolve').getByRole('checkbox').check()
  await expect(updates.getByLabel('Update')).toHaveValue('Resolved')
  await updates.getByRole('button', { name: 'Post update and resolve' }).click()
  await expect(page.getByTestId('incident-state')).toHaveText('Resolved')
  await expect(page.getByTestId('incident-phase')).toHaveText('Done')
  await expect(page.getByTestId('update-1')).toContainText('Resolved')

  // The public page is back to operational for the component, and the incident is history.
  expect(await publicLevel(page, componentName)).toBe('operational')
  await expect(page.getByTestId('status-banner')).toBeVisible()
  await expect(page.getByText(title)).toHaveCount(0)
  await page.goto('/history')
  await expect(page.getByTestId('history-month').first()).toContainText(title)

  // Every step, in the audit log, under the admin's email.
  await page.goto('/admin/audit')
  await page.getByTestId('audit-actor').getByRole('textbox').fill(admin.email)
  await page.keyboard.press('Enter')
  const entries = page.getByTestId('audit-entry')
  await expect(entries.filter({ hasText: 'POST /api/components' }).filter({ hasText: componentName })).toHaveCount(1)
  await expect(entries.filter({ hasText: 'POST /api/incidents' }).filter({ hasText: title })).toHaveCount(1)
  await expect(entries.filter({ hasText: `POST /api/incidents/${incidentId}/updates` })).toHaveCount(2)
  await expect(entries.filter({ hasText: `PATCH /api/incidents/${incidentId}` })).toHaveCount(2)
  await expect(entries.filter({ hasText: `PATCH /api/incidents/${incidentId}` }).first()).toContainText('endedAt')
})

test('maintenance scheduled for later shows as upcoming', async ({ page }) => {
  await signIn(page, admin.email, admin.password)
  const title = unique('Router firmware upgrade')
  await page.getByRole('link', { name: 'Schedule maintenance' }).click()
  await page.getByLabel('Title').fill(title)
  await page.getByRole('textbox', { name: 'Starts' }).fill(localInput(2 * 24 * 60 * 60 * 1000))
  await page.getByRole('textbox', { name: 'Ends' }).fill(localInput(2 * 24 * 60 * 60 * 1000 + 2 * 60 * 60 * 1000))
  const impact = page.getByTestId('impact-0')
  await choose(page, impact, 'Component', 'DNS')
  await choose(page, impact, 'Impact type', 'Connectivity Problems')
  await page.getByRole('button', { name: 'Schedule maintenance' }).click()
  await expect(page.getByTestId('incident-state')).toHaveText('Scheduled')
  await navigate(page, 'Maintenance')
  await expect(page.getByTestId('upcoming-maintenance')).toContainText(title)
})

test('an admin renames the public page in the settings', async ({ page }) => {
  await signIn(page, admin.email, admin.password)
  await navigate(page, 'Settings')
  const { data: before } = await (await page.request.get('/api/settings')).json()
  const title = unique('Example Cloud status')
  await page.getByLabel('Title').fill(title)
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('status')).toContainText('Saved')
  await page.goto('/')
  await expect(page.getByTestId('site-title')).toHaveText(title)
  // Other tests expect the page as it was.
  const restored = await page.request.patch('/api/settings', { headers: { authorization: `Bearer ${adminToken}` }, data: { title: before.title } })
  expect(restored.status()).toBe(204)
})

test('an editor cannot reach users, API tokens or settings', async ({ page }) => {
  const editor = await createEditor(page.request)
  await signIn(page, editor.email, editor.password)
  const navigation = page.getByRole('navigation')
  await expect(navigation.getByRole('link', { name: 'Incidents' })).toBeVisible()
  await expect(navigation.getByRole('link', { name: 'Users' })).toHaveCount(0)
  await expect(navigation.getByRole('link', { name: 'API tokens' })).toHaveCount(0)
  for (const path of ['/admin/users', '/admin/tokens', '/admin/settings']) {
    await page.goto(path)
    await expect(page.getByText('Only admins may open this page.').first()).toBeVisible()
  }
  // Nor through the API with the editor's session.
  expect((await page.request.get('/api/users')).status()).toBe(403)
  expect((await page.request.get('/api/tokens')).status()).toBe(403)
})

test('a wrong password is refused, and repeated failures are slowed down', async ({ page }) => {
  const editor = await createEditor(page.request)
  await page.goto('/admin/sign-in')
  await whenHydrated(page)
  const error = page.getByTestId('sign-in-error')
  async function attempt(password: string) {
    await page.getByLabel('Email').fill(editor.email)
    await page.getByLabel('Password').fill(password)
    const [reply] = await Promise.all([
      page.waitForResponse(response => response.url().endsWith('/api/session') && response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in', exact: true }).click(),
    ])
    return reply.status()
  }
  for (let i = 1; i <= 5; i++) {
    expect(await attempt(`wrong password ${i}`)).toBe(401)
    await expect(error).toHaveText('The email or the password is wrong.')
  }
  // Even the right password has to wait now.
  expect(await attempt(editor.password)).toBe(429)
  await expect(error).toHaveText(/Too many failed attempts; try again in \d+ seconds\./)
  await expect(page).toHaveURL(/\/admin\/sign-in/)
})

test('what is typed before the sign-in page has hydrated is kept, and its button waits for the page', async ({ page }) => {
  await delayScripts(page)
  await page.goto('/admin/sign-in', { waitUntil: 'commit' })
  await page.getByLabel('Email').fill(admin.email)
  await page.getByLabel('Password').fill(admin.password)
  const button = page.getByRole('button', { name: 'Sign in', exact: true })
  await expect(button).toBeDisabled()
  await whenHydrated(page)
  await expect(button).toBeEnabled()
  await expect(page.getByLabel('Email')).toHaveValue(admin.email)
  await signInAccepted(page, button)
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible({ timeout: 20_000 })
})
