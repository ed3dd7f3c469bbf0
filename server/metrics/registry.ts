// The metrics this process exposes, in a registry of its own: the HTTP requests, the caches, page
// renders, the status in the database (status-gauges.ts) and prom-client's process metrics. Each
// instance counts only its own requests; Prometheus adds them up across instances.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client'
import { config } from '../config'

/** Metrics are collected only when something can read them: a token for /metrics or a port of their own. */
export const metricsEnabled = config.STATUS_PAGE_METRICS_TOKEN !== undefined || config.STATUS_PAGE_METRICS_PORT !== undefined

export const registry = new Registry()
if (metricsEnabled) {
  collectDefaultMetrics({ register: registry })
  // Gauges named like counters, which promtool refuses; nodejs_active_handles and its kin by type remain.
  for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) registry.removeSingleMetric(name)
}

export const httpRequests = new Counter({
  name: 'status_page_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
})

export const httpDuration = new Histogram({
  name: 'status_page_http_request_duration_seconds',
  help: 'Time from a request\'s arrival until its response was handed to the operating system, by method and route pattern.',
  labelNames: ['method', 'route'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
})

export const cacheLookups = new Counter({
  name: 'status_page_cache_requests_total',
  help: 'Requests answered by a response cache: page (public pages) or api (API reads, feeds, calendar, badges, Statuspage JSON); outcome hit, miss, or stale (the copy from before a write while one request makes the next, or a last good copy while the database is unavailable).',
  labelNames: ['cache', 'outcome'] as const,
  registers: [registry],
})

export const pageRenders = new Histogram({
  name: 'status_page_page_render_duration_seconds',
  help: 'Server-side renders of pages that the page cache did not answer, by route pattern.',
  labelNames: ['route'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
})
