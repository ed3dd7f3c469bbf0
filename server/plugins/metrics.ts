// Prometheus metrics (server/metrics/), collected only when something can read them: the render
// timer, registered before the page cache (plugins run in name order) so that the renders it asks
// for are timed too, and the metrics port. Requests are counted by server/middleware/0.0.metrics.ts.
import { config } from '../config'
import { serveMetricsPort } from '../metrics/port'
import { metricsEnabled } from '../metrics/registry'
import { timeRenders } from '../metrics/requests'

export default defineNitroPlugin((nitroApp) => {
  if (!metricsEnabled) return
  nitroApp.hooks.hook('render:before', timeRenders)
  const port = config.STATUS_PAGE_METRICS_PORT
  if (port === undefined) return
  const server = serveMetricsPort(port, config.STATUS_PAGE_METRICS_HOST)
  nitroApp.hooks.hook('close', () => new Promise<void>(resolve => server.close(() => resolve())))
})
