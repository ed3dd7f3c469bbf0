import { notFound, Problem } from '../problem'
import { carriesMetricsToken, metricsContentType, metricsTokenSet, scrapeMetrics } from '../metrics/scrape'

// Prometheus metrics on the main port, for the bearer token STATUS_PAGE_METRICS_TOKEN. Without
// one configured there is nothing here (404). Every method lands here, none in the page renderer.
export default defineEventHandler(async (event) => {
  if (!metricsTokenSet) return sendProblem(event, notFound('There is nothing at /metrics.'))
  if (event.method !== 'GET') {
    setResponseHeader(event, 'allow', 'GET, HEAD')
    return sendProblem(event, new Problem(405, 'Method Not Allowed', '/metrics allows GET and HEAD.'))
  }
  setResponseHeader(event, 'cache-control', 'no-store')
  if (!carriesMetricsToken(getRequestHeader(event, 'authorization'))) {
    return sendProblem(event, new Problem(401, 'Unauthorized', 'The metrics need Authorization: Bearer <STATUS_PAGE_METRICS_TOKEN>.'))
  }
  setResponseHeader(event, 'content-type', metricsContentType)
  return scrapeMetrics()
})
