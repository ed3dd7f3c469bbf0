// Current cache hits of the cached reads are answered before h3's hooks and middleware run
// (server/cache/early-hit.ts), and counted by the metrics as the middleware would have
// (server/middleware/0.0.metrics.ts). Plugins run in name order and the last one to wrap the
// handler runs first: this one comes after encoded-delimiters.ts, whose rewriting a hit does not
// need.
import { answerEarly } from '../cache/early-hit'
import { metricsEnabled } from '../metrics/registry'
import { recordRequest } from '../metrics/requests'

const counted = metricsEnabled ? recordRequest : undefined

export default defineNitroPlugin((nitroApp) => {
  const handle = nitroApp.h3App.handler
  nitroApp.h3App.handler = event => answerEarly(event, counted) ? Promise.resolve() : handle(event)
})
