import { liveOperations } from '../../openapi/operations/live'

// Live updates for open pages (plugins/live-refresh.client.ts): a `version` event with the data
// version on connect and every 25 s, which also keeps proxies from closing an idle stream, and a
// `change` event after every write, on this instance or, with PostgreSQL, on another.
const heartbeatMs = 25_000

export default defineOperationHandler(liveOperations.getEvents, async ({ event }) => {
  const stream = createEventStream(event)
  // A push can race the client going away; the stream's close handler cleans up either way.
  const push = (name: 'version' | 'change') => stream.push({ event: name, data: dataVersion() }).catch(() => {})
  const unsubscribe = onDataChange(() => push('change'))
  const heartbeat = setInterval(() => push('version'), heartbeatMs)
  stream.onClosed(() => {
    unsubscribe()
    clearInterval(heartbeat)
  })
  push('version')
  return stream.send()
})
