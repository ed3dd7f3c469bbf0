// Counts and times every request for the metrics (server/metrics/requests.ts). A middleware rather
// than Nitro's `request` hook, which costs more per request; first in name order, so that it sees
// the method before HEAD becomes GET (0.head.ts) and the clock starts before anything else runs.
import { metricsEnabled } from '../metrics/registry'
import { recordRequest } from '../metrics/requests'

export default defineEventHandler((event) => {
  if (metricsEnabled) recordRequest(event)
})
