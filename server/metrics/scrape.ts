// What a scrape answers, on the main port (server/routes/metrics.ts) or the metrics port
// (port.ts): every metric in the Prometheus text format. On the main port it takes the token.
import { createHash, timingSafeEqual } from 'node:crypto'
import { config } from '../config'
import { registry } from './registry'
import { statusGauges } from './status-gauges'

for (const gauge of statusGauges) registry.registerMetric(gauge)

export const metricsContentType = registry.contentType

export const scrapeMetrics = () => registry.metrics()

const sha256 = (text: string) => createHash('sha256').update(text).digest()
const tokenHash = config.STATUS_PAGE_METRICS_TOKEN === undefined ? undefined : sha256(config.STATUS_PAGE_METRICS_TOKEN)

/** Whether the main port serves /metrics at all: only with a token configured. */
export const metricsTokenSet = tokenHash !== undefined

/** Whether an Authorization header carries the metrics token. Hashes of equal length compare in constant time. */
export function carriesMetricsToken(authorization: string | undefined): boolean {
  const token = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1]
  return tokenHash !== undefined && token !== undefined && timingSafeEqual(sha256(token), tokenHash)
}
