// Shared by the browser tests: the demo data they read, API writes with the admin token, and
// display preferences set as cookies.
import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test'
import { adminToken } from '../../playwright.config'
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

export interface Incident {
  id: string
  displayName: string
  beganAt: string
  endedAt: string | null
  affects: { reference: string, type: string, severity: number }[]
}
export interface Component {
  id: string
  displayName: string
  labels: Record<string, string>
  activelyAffectedBy: { reference: string, type: string, severity: number }[]
}
interface Severity { displayName: string, value: number }

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
    read<Incident[]>(request, `/api/incidents?${window}`),
    read<Component[]>(request, '/api/components'),
    read<Severity[]>(request, '/api/severities'),
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
export function expectedBanner({ components, severities }: { components: Component[], severities: Severity[] }) {
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
 * Opens a page and waits until it has hydrated: the live refresh plugin opens its event stream
 * then, so the page is interactive and listening for changes.
 */
export async function gotoHydrated(page: Page, path: string) {
  const listening = page.waitForResponse(response => new URL(response.url()).pathname === '/api/events' && response.ok())
  const response = await page.goto(path)
  await listening
  return response
}
