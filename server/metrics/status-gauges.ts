// What the status page shows and how its notifications fare, as gauges computed when Prometheus
// scrapes: components by state, active incidents by severity, jobs by queue and state, subscribers
// and webhook receivers. Read from the database at most once a second, however many scrapers ask,
// and never waited for long: while the database is unavailable a scrape reports the rest, and
// status_page_database_up 0.
import { Gauge } from 'prom-client'
import { countQueues } from '../notify/queue-health'
import { useJobs } from '../notify/notifications'
import { isDatabaseOutage } from '../problem'
import { countNotificationTargets } from '../services/notification-counts'
import { countStatus } from '../services/status-counts'
import { useDatabase } from '../utils/database'
import { databaseSeemsDown } from '../utils/database-health'

const freshForMs = 1000
const patienceMs = 500

/** `read`, at most once a second, given up after half a second or while the database is down. */
function scraped<T>(what: string, read: () => Promise<T>): () => Promise<T | undefined> {
  let latest: { at: number, value: Promise<T | undefined> } | undefined
  const attempt = async () => {
    if (databaseSeemsDown()) return undefined
    const timeout = new Promise<undefined>(resolve => setTimeout(resolve, patienceMs, undefined).unref())
    return Promise.race([read(), timeout]).catch((error: unknown) => {
      // An outage is what the gauges report; anything else is a bug to see in the log.
      if (!isDatabaseOutage(error)) console.error(`The ${what} metrics could not be read:`, error)
      return undefined
    })
  }
  return () => {
    if (!latest || Date.now() - latest.at >= freshForMs) latest = { at: Date.now(), value: attempt() }
    return latest.value
  }
}

const statusCounts = scraped('status', async () => countStatus(await useDatabase()))
const queueCounts = scraped('queue', async () => countQueues(await useJobs()))
const targetCounts = scraped('subscriber', async () => countNotificationTargets(await useDatabase()))

function setAll(gauge: Gauge<string>, label: string, counts: Map<string, number> | undefined) {
  // Names come and go with the configured severities: only the current ones are reported.
  gauge.reset()
  for (const [name, count] of counts ?? []) gauge.set({ [label]: name }, count)
}

const databaseUp = new Gauge({
  name: 'status_page_database_up',
  help: 'Whether the database answered the last scrape\'s status query (1) or not (0); the component and incident gauges are absent while it does not.',
  registers: [],
  async collect() {
    this.set(await statusCounts() ? 1 : 0)
  },
})

const componentStates = new Gauge({
  name: 'status_page_components',
  help: 'Components by their current state: operational, maintenance, or the name of the severity of their worst active impact.',
  labelNames: ['state'],
  registers: [],
  async collect() {
    setAll(this, 'state', (await statusCounts())?.components)
  },
})

const activeIncidents = new Gauge({
  name: 'status_page_active_incidents',
  help: 'Active incidents (maintenance included) by the severity of their worst impact: a severity\'s name, maintenance, or none.',
  labelNames: ['severity'],
  registers: [],
  async collect() {
    setAll(this, 'severity', (await statusCounts())?.activeIncidents)
  },
})

const jobs = new Gauge({
  name: 'status_page_jobs',
  help: 'Jobs of the job queue by queue and state: waiting, active, retrying (after a failed try), failed (after the last try).',
  labelNames: ['queue', 'state'],
  registers: [],
  async collect() {
    this.reset()
    for (const { name, ...states } of await queueCounts() ?? []) {
      for (const [state, count] of Object.entries(states)) this.set({ queue: name, state }, count)
    }
  },
})

const subscribers = new Gauge({
  name: 'status_page_subscribers',
  help: 'Email subscribers, confirmed or still waiting for their confirmation.',
  labelNames: ['channel', 'confirmed'],
  registers: [],
  async collect() {
    this.reset()
    const counts = await targetCounts()
    if (!counts) return
    this.set({ channel: 'email', confirmed: 'true' }, counts.confirmedSubscribers)
    this.set({ channel: 'email', confirmed: 'false' }, counts.pendingSubscribers)
  },
})

const webhookReceivers = new Gauge({
  name: 'status_page_webhook_receivers',
  help: 'Webhook receivers, active or paused.',
  labelNames: ['state'],
  registers: [],
  async collect() {
    this.reset()
    const counts = await targetCounts()
    if (!counts) return
    this.set({ state: 'active' }, counts.activeWebhooks)
    this.set({ state: 'paused' }, counts.pausedWebhooks)
  },
})

/** Registered where scrapes are answered (scrape.ts), so that the bundler keeps them. */
export const statusGauges = [databaseUp, componentStates, activeIncidents, jobs, subscribers, webhookReceivers]
