// Shared by the browser tests: the demo data they read, API writes with the admin token, and
// display preferences set as cookies.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext, type BrowserContext, type Locator, type Page } from '@playwright/test'
import type { ComponentData, IncidentData, SeverityData } from '../../openapi/schemas'
import { admin, adminToken } from '../../playwright.config'
import { DAY } from '../../shared/time'

/** What server/services/demo.ts puts into a fresh database. */
export const DEMO = {
  ongoing: 'Degraded network performance in de-east-2',
  maintenance: 'Network maintenance de-west',
  pastMaintenance: 'Storage firmware upgrade',
  /** Affected by the ongoing incident; labelled region de-east, az 2. */
  component: 'Compute de-east-2',
  phases: ['Scheduled', 'Investigation ongoing', 'Working on it', 'Potential fix deployed', 'Done'],
} as const

export const authorized = { Authorization: `Bearer ${adminToken}` }

export { DAY }

export type { IncidentData as Incident } from '../../openapi/schemas'

async function read<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path)
  expect(response.status(), `GET ${path}`).toBe(200)
  return (await response.json()).data as T
}

/** Creates a resource through the API and returns its id. */
export async function create(request: APIRequestContext, path: string, body: object): Promise<string> {
  const response = await request.post(path, { headers: authorized, data: body })
  expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(201)
  return (await response.json()).id as string
}

/**
 * The incidents (100 days back to 30 ahead) and components, to look up the demo's by name. Other
 * specs add their own on the same server, so counts come from here rather than from the demo.
 */
export async function demoData(request: APIRequestContext) {
  const now = Date.now()
  const window = new URLSearchParams({ start: new Date(now - 100 * DAY).toISOString(), end: new Date(now + 30 * DAY).toISOString() })
  const [incidents, components, severities] = await Promise.all([
    read<IncidentData[]>(request, `/api/incidents?${window}`),
    read<ComponentData[]>(request, '/api/components'),
    read<SeverityData[]>(request, '/api/severities'),
  ])
  const incident = (name: string) => {
    const found = incidents.find(each => each.displayName === name)
    expect(found, `demo incident ${name}`).toBeDefined()
    return found!
  }
  const component = (name: string) => {
    const found = components.find(each => each.displayName === name)
    expect(found, `demo component ${name}`).toBeDefined()
    return found!
  }
  const active = incidents.filter(each => Date.parse(each.beganAt) <= now && (each.endedAt === null || Date.parse(each.endedAt) > now))
  return { incidents, components, severities, active, incident, component }
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

/** What the banner says about the current impacts: the worst one, named by its severity. */
export function expectedBanner({ components, severities }: { components: ComponentData[], severities: SeverityData[] }) {
  const impacts = components.flatMap(component => component.activelyAffectedBy)
  const worst = Math.max(...impacts.map(impact => impact.severity))
  const byValue = [...severities].sort((a, b) => a.value - b.value)
  const name = (byValue.find(severity => severity.value >= worst) ?? byValue.at(-1))!.displayName
  const affected = components.filter(component => component.activelyAffectedBy.length > 0).length
  return {
    level: worst >= byValue.at(-1)!.value ? 'major' : 'minor',
    headline: name.charAt(0).toUpperCase() + name.slice(1),
    detail: `${count(affected, 'component')} affected by ${count(new Set(impacts.map(impact => impact.reference)).size, 'incident')}.`,
  }
}

/** The pages of the browser tests, with the demo's ids filled in. */
export async function publicPages(request: APIRequestContext) {
  const demo = await demoData(request)
  return {
    home: '/',
    incident: `/incidents/${demo.incident(DEMO.ongoing).id}`,
    component: `/components/${demo.component(DEMO.component).id}`,
    history: '/history',
    subscribe: '/subscribe',
  }
}

/** Sets display preferences the way /_prefs does, before a page is opened. */
export async function setPreferences(context: BrowserContext, baseURL: string, cookies: Partial<Record<'theme' | 'palette' | 'locale', string>>) {
  await context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value: value!, url: baseURL })))
}

/** Collects every request the page makes to another origin than the app's. */
export function foreignRequests(page: Page, baseURL: string): string[] {
  const own = new URL(baseURL).origin
  const foreign: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    // data: and blob: URLs load nothing over the network.
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== own) foreign.push(request.url())
  })
  return foreign
}

/** The Vuetify theme the application root was rendered with, e.g. `dark-colorblind`. */
export async function renderedTheme(page: Page): Promise<string | undefined> {
  const classes = await page.locator('.v-application').getAttribute('class')
  return /\bv-theme--([\w-]+)/.exec(classes ?? '')?.[1]
}

/** The same from server-rendered HTML. */
export const themeInHtml = (html: string) => /class="v-application v-theme--([\w-]+)/.exec(html)?.[1]

/**
 * Opens a page and waits until it is ready: a status page, which comes without the app's scripts,
 * once its live refresh listens (public/page-live.js); any other page once it has hydrated.
 */
export async function gotoReady(page: Page, path: string) {
  const listening = page.waitForResponse(response => new URL(response.url()).pathname === '/api/events' && response.ok())
  listening.catch(() => {})
  const response = await page.goto(path)
  if (await page.locator('#__NUXT_DATA__').count()) await whenHydrated(page)
  else await listening
  return response
}

/** What every page must have been checked for; a page without links, such as the sign-in, passes no link rule. */
const CHECKED = ['color-contrast', 'link-name', 'document-title', 'html-has-lang']
export const CHECKED_WITHOUT_LINKS = CHECKED.filter(rule => rule !== 'link-name')

/** axe-core on the page as it is: no serious or critical violation, and the scan did look. */
export async function expectAccessible(page: Page, checked = CHECKED) {
  const { violations, passes } = await new AxeBuilder({ page }).analyze()
  const serious = violations
    .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
    .map(violation => `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map(node => node.target.join(' ')).join(', ')}`)
  expect(serious, page.url()).toEqual([])
  // Contrast and names were checked on this page.
  expect(passes.map(pass => pass.id)).toEqual(expect.arrayContaining(checked))
}

/**
 * Waits until Vue has hydrated the page (it keeps the app on the element it mounted on). Before
 * that, a form's fields are emptied by hydration and its button submits the bare HTML form.
 */
export const whenHydrated = (page: Page) => page.waitForFunction(() => Boolean((document.querySelector('#__nuxt') as { __vue_app__?: unknown } | null)?.__vue_app__))

/** A slow phone: the page's scripts arrive seconds after its HTML. */
export const delayScripts = (page: Page, ms = 2000) => page.route('**/_nuxt/**', async (route) => {
  await new Promise(resolve => setTimeout(resolve, ms))
  await route.continue()
})

/** Clicks the sign-in form's button and expects the server to accept the sign-in. */
export async function signInAccepted(page: Page, button: Locator) {
  const [reply] = await Promise.all([
    page.waitForResponse(response => response.url().endsWith('/api/session') && response.request().method() === 'POST', { timeout: 60_000 }),
    button.click(),
  ])
  expect(reply.status(), await reply.text()).toBe(200)
}

/** Signs in to the admin area through its form, landing on the dashboard. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=/)
  await whenHydrated(page)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  // A password hash takes seconds on a busy machine, more when it is the server's first.
  await signInAccepted(page, page.getByRole('button', { name: 'Sign in', exact: true }))
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible({ timeout: 20_000 })
}

/** Follows a link of the admin area's navigation drawer. */
export const navigate = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click()

/** Picks an option of a Vuetify select or autocomplete, with the keyboard as an operator might. */
export async function choose(page: Page, within: Locator, label: string, option: string | RegExp) {
  const field = within.getByRole('combobox', { name: label })
  await field.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('option', { name: option }).click()
}

/**
 * Tests that start signed in as the admin: one sign-in per worker (a password hash takes seconds),
 * whose cookie every test's browser context starts with.
 */
export const adminTest = test.extend<object, { adminState: Awaited<ReturnType<APIRequestContext['storageState']>> }>({
  adminState: [async ({ playwright }, use, workerInfo) => {
    const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL })
    const response = await request.post('/api/session', { data: admin })
    expect(response.status(), await response.text()).toBe(200)
    await use(await request.storageState())
    await request.dispose()
  }, { scope: 'worker' }],
  storageState: ({ adminState }, use) => use(adminState),
})

/** An admin page, and the buttons on it that open a dialog. */
export interface AdminPage {
  /** `{ongoing}` and `{maintenance}` stand for the ids of the demo's incidents (adminPath). */
  path: string
  dialogs?: (string | RegExp)[]
}

/** Every page of the admin area behind the sign-in. */
export const ADMIN_PAGES: AdminPage[] = [
  { path: '/admin' },
  { path: '/admin/incidents' },
  { path: '/admin/incidents/new' },
  { path: '/admin/incidents/{ongoing}', dialogs: [/^Edit update /, 'Delete incident'] },
  { path: '/admin/maintenance' },
  { path: '/admin/incidents/new?kind=maintenance' },
  { path: '/admin/incidents/{maintenance}' },
  { path: '/admin/templates' },
  { path: '/admin/templates/new' },
  { path: '/admin/components', dialogs: ['New component', /^Edit /] },
  { path: '/admin/impact-types', dialogs: ['New impact type'] },
  { path: '/admin/severities', dialogs: ['New severity'] },
  { path: '/admin/phases' },
  { path: '/admin/beacons', dialogs: ['New beacon'] },
  { path: '/admin/alert-rules', dialogs: ['New rule'] },
  { path: '/admin/users', dialogs: ['Add user'] },
  { path: '/admin/tokens', dialogs: ['New token'] },
  { path: '/admin/webhooks', dialogs: ['New webhook'] },
  { path: '/admin/subscribers' },
  { path: '/admin/queue' },
  { path: '/admin/audit' },
  { path: '/admin/settings' },
  { path: '/admin/account' },
]

/** The path of an admin page with the demo's ids filled in. */
export async function adminPath(request: APIRequestContext, path: string) {
  if (!path.includes('{')) return path
  const demo = await demoData(request)
  return path.replace('{ongoing}', demo.incident(DEMO.ongoing).id).replace('{maintenance}', demo.incident(DEMO.maintenance).id)
}

/** What the Tab key may stop at. */
const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * Opens a dialog from its button with the keyboard and checks it: the focus moves in and stays in
 * while Tab and Shift+Tab go round, `whileOpen` runs, and Escape closes it and gives the focus back.
 */
export async function expectDialogKeyboardSafe(page: Page, opener: Locator, whileOpen?: (dialog: Locator) => Promise<void>) {
  await opener.focus()
  await page.keyboard.press('Enter')
  // A confirmation of something that cannot be undone is an alert dialog.
  const dialog = page.getByRole('dialog').or(page.getByRole('alertdialog'))
  await expect(dialog).toBeVisible()
  const focusInside = () => dialog.evaluate(element => element.contains(document.activeElement))
  await expect.poll(focusInside, 'focus moves into the dialog').toBe(true)
  const stops = await dialog.locator(TABBABLE).count()
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let presses = 1; presses <= stops + 1; presses++) {
      await page.keyboard.press(key)
      expect(await focusInside(), `focus after ${presses}× ${key}`).toBe(true)
    }
  }
  await whileOpen?.(dialog)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener, 'focus returns to the button').toBeFocused()
}

const isFocused = (target: Locator) => target.evaluate(element => element === document.activeElement, undefined, { timeout: 5_000 })

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user gets there; at most `max` times. */
export async function tabTo(page: Page, target: Locator, { max = 60, backwards = false } = {}) {
  await expect(target).toBeVisible()
  for (let presses = 0; presses < max && !(await isFocused(target)); presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  await expect(target, `reached within ${max} presses of Tab`).toBeFocused()
}

/**
 * Picks an option of a Vuetify select (Enter opens it) or autocomplete (typing filters it) with
 * the keyboard only: arrows down to the option and takes it with Enter.
 */
export async function pickWithKeys(page: Page, field: Locator, option: string, { typing = false } = {}) {
  await tabTo(page, field)
  if (typing) {
    await page.keyboard.type(option)
    await page.keyboard.press('ArrowDown')
  }
  else {
    await page.keyboard.press('Enter')
  }
  const target = page.getByRole('option', { name: option, exact: true })
  await expect(target).toBeVisible()
  for (let presses = 0; presses < 20 && !(await isFocused(target)); presses++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(field).toBeFocused()
}

/** Types an instant into a focused datetime-local input the way Chromium's en-US one takes it. */
export async function typeDateTime(page: Page, at: Date) {
  const pad = (n: number) => String(n).padStart(2, '0')
  const hour = at.getHours() % 12 || 12
  // A tap puts the caret in whichever part lay under the finger: start from the month.
  for (let part = 0; part < 6; part++) await page.keyboard.press('ArrowLeft')
  await page.keyboard.type(`${pad(at.getMonth() + 1)}${pad(at.getDate())}${at.getFullYear()}`)
  // The year takes up to six digits, so it does not move on by itself after four.
  await page.keyboard.press('ArrowRight')
  await page.keyboard.type(`${pad(hour)}${pad(at.getMinutes())}${at.getHours() < 12 ? 'A' : 'P'}`)
}

/** How an operator works the admin area: with the keyboard only, or by touch on a phone. */
export interface Operator {
  /** Follows a link or presses a button. */
  activate: (target: Locator) => Promise<void>
  /** Puts the focus into a field, to type there. */
  focus: (target: Locator) => Promise<void>
  /** Flips a switch or checkbox. */
  toggle: (target: Locator) => Promise<void>
  /** Picks an option of a select, or of an autocomplete that typing filters. */
  pick: (field: Locator, option: string, options?: { typing?: boolean }) => Promise<void>
  /** Takes an entry of an open menu. */
  choose: (item: Locator) => Promise<void>
  /** Follows a link of the admin navigation. */
  navigate: (name: string) => Promise<void>
}

export function keyboardOperator(page: Page): Operator {
  return {
    activate: async (target) => {
      await tabTo(page, target)
      await page.keyboard.press('Enter')
    },
    focus: target => tabTo(page, target),
    toggle: async (target) => {
      await tabTo(page, target)
      await page.keyboard.press('Space')
    },
    pick: (field, option, options) => pickWithKeys(page, field, option, options),
    choose: async (item) => {
      await expect(item).toBeVisible()
      for (let presses = 0; presses < 10 && !(await isFocused(item)); presses++) await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
    },
    // From the top of the page: the skip link and the app bar come first, then the navigation.
    navigate: async (name) => {
      await page.locator('#main').focus()
      await tabTo(page, page.getByRole('navigation').getByRole('link', { name, exact: true }), { backwards: true })
      await page.keyboard.press('Enter')
    },
  }
}

export function touchOperator(page: Page): Operator {
  return {
    activate: target => target.tap(),
    focus: target => target.tap(),
    toggle: target => target.tap(),
    pick: async (field, option, { typing = false } = {}) => {
      // Vuetify lays its field's input area over the combobox: the tap lands there, as a finger's would.
      await field.tap({ force: true })
      if (typing) await page.keyboard.type(option)
      await page.getByRole('option', { name: option, exact: true }).tap()
    },
    choose: item => item.tap(),
    // The navigation folds into a drawer on a phone.
    navigate: async (name) => {
      await page.getByRole('button', { name: 'Menu' }).tap()
      await page.getByRole('navigation').getByRole('link', { name, exact: true }).tap()
    },
  }
}

/**
 * The operator's journey of issue 12: sign in, open an incident with an affected component, post
 * an update with a phase change, resolve it, schedule maintenance, sign out. axe checks every page
 * on the way, and a form sent incomplete must say so at its top and lead to the field.
 */
export async function operatorJourney(page: Page, operator: Operator, label: string) {
  const title = `${label} ${Date.now().toString(36)}`
  await gotoReady(page, '/admin/sign-in')
  await expectAccessible(page, CHECKED_WITHOUT_LINKS)
  await operator.focus(page.getByRole('textbox', { name: 'Email' }))
  await page.keyboard.type(admin.email)
  await operator.focus(page.getByRole('textbox', { name: 'Password' }))
  await page.keyboard.type(admin.password)
  await page.keyboard.press('Enter')
  // A password hash takes seconds on a busy machine.
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible({ timeout: 20_000 })
  await expectAccessible(page)

  // An incident, first sent without a title: the form says so at its top and leads there.
  await operator.activate(page.getByRole('link', { name: 'Open incident' }))
  await expect(page.getByRole('heading', { name: 'Open an incident' })).toBeVisible()
  await expectAccessible(page)
  const submit = page.getByRole('button', { name: 'Open incident' })
  await operator.activate(submit)
  const problem = page.getByTestId('problem')
  await expect(problem).toBeFocused()
  await expect(problem).toContainText('Title: A title is required')
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(/A title is required/)
  await operator.activate(problem.getByRole('link', { name: 'Title' }))
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await page.keyboard.type(title)
  await operator.focus(page.getByRole('textbox', { name: 'Description' }))
  await page.keyboard.type('Requests to the API time out now and then.')
  await operator.pick(page.getByRole('combobox', { name: 'Phase' }), DEMO.phases[1])
  const impact = page.getByTestId('impact-0')
  await operator.pick(impact.getByRole('combobox', { name: 'Component' }), 'DNS', { typing: true })
  await operator.pick(impact.getByRole('combobox', { name: 'Impact type' }), 'Connectivity Problems')
  await operator.pick(impact.getByRole('combobox', { name: 'Severity' }), 'limited')
  await operator.activate(submit)
  await expect(page.getByTestId('incident-title')).toHaveText(title)
  await expect(page.getByTestId('incident-phase')).toHaveText(DEMO.phases[1])
  await expectAccessible(page)

  // An update that moves it on a phase, then one that resolves it.
  const updates = page.getByTestId('update-form')
  await operator.focus(updates.getByRole('textbox', { name: 'Update' }))
  await page.keyboard.type('Faulty resolver found')
  await operator.pick(updates.getByRole('combobox', { name: 'Phase' }), DEMO.phases[2])
  await operator.activate(updates.getByRole('button', { name: 'Post update' }))
  await expect(page.getByTestId('update-0')).toContainText('Faulty resolver found')
  await expect(page.getByTestId('incident-phase')).toHaveText(DEMO.phases[2])
  await operator.toggle(updates.getByRole('checkbox', { name: /^Resolve/ }))
  await expect(updates.getByRole('textbox', { name: 'Update' })).toHaveValue('Resolved')
  await operator.activate(updates.getByRole('button', { name: 'Post update and resolve' }))
  await expect(page.getByTestId('incident-state')).toHaveText('Resolved')
  await expect(page.getByTestId('incident-phase')).toHaveText(DEMO.phases.at(-1)!)
  await expectAccessible(page)
  const incidentUrl = page.url()

  // Maintenance the day after tomorrow, for two hours.
  await operator.navigate('Maintenance')
  await expect(page.getByRole('heading', { name: 'Maintenance', level: 1 })).toBeVisible()
  await expectAccessible(page)
  await operator.activate(page.getByRole('link', { name: 'Schedule maintenance' }))
  await expect(page.getByRole('heading', { name: 'Schedule maintenance' })).toBeVisible()
  await operator.focus(page.getByRole('textbox', { name: 'Title' }))
  await page.keyboard.type(`${title} maintenance`)
  const start = new Date(Date.now() + 2 * DAY)
  await operator.focus(page.getByRole('textbox', { name: 'Starts' }))
  await typeDateTime(page, start)
  await operator.focus(page.getByRole('textbox', { name: 'Ends' }))
  await typeDateTime(page, new Date(start.getTime() + 2 * 60 * 60 * 1000))
  await operator.pick(impact.getByRole('combobox', { name: 'Component' }), 'DNS', { typing: true })
  await operator.pick(impact.getByRole('combobox', { name: 'Impact type' }), 'Connectivity Problems')
  await expectAccessible(page)
  await operator.activate(page.getByRole('button', { name: 'Schedule maintenance' }))
  await expect(page.getByTestId('incident-state')).toHaveText('Scheduled')
  await expectAccessible(page)
  const maintenanceUrl = page.url()

  await operator.activate(page.getByTestId('account-menu'))
  await operator.choose(page.getByRole('listitem').filter({ hasText: 'Sign out' }))
  await expect(page).toHaveURL(/\/admin\/sign-in/)
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()

  // Other specs count the demo's incidents and maintenance on its components.
  for (const url of [incidentUrl, maintenanceUrl]) {
    const id = new URL(url).pathname.split('/').at(-1)
    expect((await page.request.delete(`/api/incidents/${id}`, { headers: authorized })).status()).toBe(204)
  }
}
