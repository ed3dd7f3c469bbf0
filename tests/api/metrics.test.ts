import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { freePort, startApp, type App } from '../support/app'
import { parseSamples, promtoolCheck, valueOf } from '../support/prometheus'
import { del, get, post } from './client'
import { createComponent, createImpactType, createIncident, unknownId } from './fixtures'
import { severityJanitor } from './severity-fixtures'

const scrape = async (token: string | null = inject('metricsToken')) => {
  const response = await fetch(`${inject('baseUrl')}/metrics`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

const samples = async () => {
  const { status, text } = await scrape()
  expect(status).toBe(200)
  return parseSamples(text)
}

const requests = (labels: Record<string, string>) => ['status_page_http_requests_total', labels] as const
// The status gauges are computed at most once a second.
const afterStatusCache = () => new Promise(resolve => setTimeout(resolve, 1100))

describe('/metrics on the main port', () => {
  it('counts requests by route pattern and status, never by the ids in the path', async () => {
    const incidentId = await createIncident()
    const before = await samples()
    expect((await get(`/api/incidents/${incidentId}`)).status).toBe(200)
    expect((await get(`/api/incidents/${unknownId()}`)).status).toBe(404)
    const after = await samples()

    const route = '/api/incidents/{incidentId}'
    for (const status of ['200', '404']) {
      const labels = { method: 'GET', route, status }
      expect(valueOf(after, ...requests(labels)) - valueOf(before, ...requests(labels)), status).toBe(1)
    }
    const durations = { method: 'GET', route }
    expect(valueOf(after, 'status_page_http_request_duration_seconds_count', durations)
      - valueOf(before, 'status_page_http_request_duration_seconds_count', durations)).toBe(2)
    expect(valueOf(after, 'status_page_http_request_duration_seconds_bucket', { ...durations, le: '+Inf' })).toBe(valueOf(after, 'status_page_http_request_duration_seconds_count', durations))
    expect(after.some(sample => Object.values(sample.labels).some(value => value.includes(incidentId)))).toBe(false)
  })

  it('counts cache misses and hits of the API and page caches, and times the renders', async () => {
    const incidentId = await createIncident()
    const before = await samples()
    for (const path of [`/api/incidents/${incidentId}/updates`, `/incidents/${incidentId}`]) {
      for (let i = 0; i < 2; i++) expect((await get(path)).status).toBe(200)
    }
    const after = await samples()
    const delta = (name: string, labels: Record<string, string>) => valueOf(after, name, labels) - valueOf(before, name, labels)
    const outcomes = (cache: string) => ['miss', 'hit'].map(outcome => delta('status_page_cache_requests_total', { cache, outcome }))
    expect(outcomes('page')).toEqual([1, 1])
    // API reads are kept for a second only: on a slow machine the second one may miss too.
    const [apiMisses, apiHits] = outcomes('api')
    expect(apiMisses).toBeGreaterThanOrEqual(1)
    expect(apiMisses! + apiHits!).toBe(2)
    // The render's own API reads inside the server are not requests of their own.
    expect(delta(...requests({ method: 'GET', route: '/incidents/{id}', status: '200' }))).toBe(2)
    expect(delta(...requests({ method: 'GET', route: '/api/settings', status: '200' }))).toBe(0)
    expect(delta('status_page_page_render_duration_seconds_count', { route: '/incidents/{id}' })).toBe(1)
    expect(delta(...requests({ method: 'GET', route: '/api/incidents/{incidentId}/updates', status: '200' }))).toBe(2)
  })

  // Severities that test files running alongside create move the ranges, and so the counts, now
  // and then within the seconds between two scrapes: hence each step counts only its own change,
  // and the retry.
  it('reports components by state and active incidents by severity from the database', { retry: 2 }, async () => {
    const severities = severityJanitor()
    try {
      const severity = await severities.create()
      const componentId = await createComponent()
      const type = await createImpactType()
      await afterStatusCache()
      const before = await samples()
      const incidentId = await createIncident({ affects: [{ reference: componentId, type, severity: severity.value }] })
      await afterStatusCache()
      const scraped = await samples()
      const change = (name: string, labels: Record<string, string>) => valueOf(scraped, name, labels) - valueOf(before, name, labels)
      expect(valueOf(scraped, 'status_page_database_up')).toBe(1)
      // The job queue and who hears of events, by queue and state.
      expect(scraped.some(sample => sample.name === 'status_page_jobs' && sample.labels.queue === 'mail-delivery' && sample.labels.state === 'failed')).toBe(true)
      expect(scraped.some(sample => sample.name === 'status_page_webhook_receivers' && sample.labels.state === 'paused')).toBe(true)
      expect(change('status_page_active_incidents', { severity: severity.displayName })).toBe(1)
      expect(change('status_page_components', { state: severity.displayName })).toBe(1)
      const components = (await get('/api/components')).body.data as unknown[]
      const counted = scraped.filter(sample => sample.name === 'status_page_components').reduce((sum, sample) => sum + sample.value, 0)
      expect(counted).toBe(components.length)

      expect((await del(`/api/incidents/${incidentId}`)).status).toBe(204)
      await afterStatusCache()
      const later = await samples()
      const gone = (name: string, labels: Record<string, string>) => valueOf(scraped, name, labels) - valueOf(later, name, labels)
      expect(gone('status_page_active_incidents', { severity: severity.displayName })).toBe(1)
      expect(gone('status_page_components', { state: severity.displayName })).toBe(1)
    }
    finally {
      await severities.cleanup()
    }
  })

  it('passes promtool check metrics as a whole, process metrics included', async () => {
    const { text, headers } = await scrape()
    expect(headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(text).toMatch(/^process_cpu_seconds_total \d/m)
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m)
    const check = await promtoolCheck(text)
    expect(check.output).toBe('')
    expect(check.code).toBe(0)
  })

  it('answers 401 without the token or with a wrong one, and is never cached', async () => {
    for (const token of [null, 'wrong-token-0123456789abcdef', inject('adminToken')]) {
      const { status, headers, text } = await scrape(token)
      expect(status, String(token)).toBe(401)
      expect(headers.get('www-authenticate')).toMatch(/^Bearer/)
      expect(text).not.toContain('status_page_')
    }
    const { headers } = await scrape()
    expect(headers.get('cache-control')).toBe('no-store')
    expect(headers.get('x-cache')).toBeNull()
  })

  it('is not a page: other methods get 405, not the page renderer', async () => {
    const reply = await post('/metrics', {})
    expect(reply.status).toBe(405)
    expect(reply.headers.get('allow')).toBe('GET, HEAD')
    expect(reply.headers.get('content-type')).toContain('application/problem+json')
  })
})

describe('the metrics port', () => {
  it('serves /metrics without a token, and nothing else', async () => {
    const metrics = await fetch(`${inject('metricsPortUrl')}/metrics`)
    expect(metrics.status).toBe(200)
    const text = await metrics.text()
    expect(text).toContain('# TYPE status_page_http_requests_total counter')
    expect((await promtoolCheck(text)).code).toBe(0)
    expect((await fetch(`${inject('metricsPortUrl')}/api/components`)).status).toBe(404)
  })
})

// A second server without a metrics token, whose database is a PostgreSQL port where nobody
// listens: the main port has no /metrics, and the metrics port reports the database down.
// It does not depend on the project's database, so it runs in one project only.
describe.skipIf(inject('database') === 'postgres')('without a token, and without a database', () => {
  let app: App
  let metricsBase = ''

  beforeAll(async () => {
    const metricsPort = await freePort()
    metricsBase = `http://127.0.0.1:${metricsPort}`
    app = await startApp({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/none`,
      STATUS_PAGE_METRICS_TOKEN: undefined,
      STATUS_PAGE_METRICS_PORT: String(metricsPort),
    }, undefined, '/healthz')
  }, 120_000)

  afterAll(() => app.stop())

  it('answers 404 at /metrics on the main port, whatever the token', async () => {
    for (const headers of [{}, { authorization: 'Bearer test-metrics-token-0123456789' }] as Record<string, string>[]) {
      const response = await fetch(`${app.base}/metrics`, { headers })
      expect(response.status).toBe(404)
      expect(await response.text()).not.toContain('status_page_')
    }
  })

  it('reports the database down and what it can besides, still valid', async () => {
    expect((await fetch(`${app.base}/readyz`)).status).toBe(503)
    const text = await (await fetch(`${metricsBase}/metrics`)).text()
    const scraped = parseSamples(text)
    expect(valueOf(scraped, 'status_page_database_up')).toBe(0)
    expect(scraped.some(sample => sample.name === 'status_page_components' || sample.name === 'status_page_active_incidents')).toBe(false)
    expect(valueOf(scraped, 'status_page_http_requests_total', { route: '/readyz', status: '503' })).toBe(1)
    expect((await promtoolCheck(text)).code).toBe(0)
  })
})
