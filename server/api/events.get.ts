import { liveOperations } from '../../openapi/operations/live'
import { admitStream } from '../live/event-streams'

// Live updates for open pages (public/page-live.js): a `version` event with the data
// version on connect and every 25 s, and a `change` event after every write that readers see, on
// this instance or, with PostgreSQL, on another. Limits in server/live/event-streams.ts.
export default defineOperationHandler(liveOperations.getEvents, async ({ event }) => {
  const stream = createEventStream(event)
  // A push can race the client going away; the stream's close handler cleans up either way.
  const push = (name: 'version' | 'change', version: string) => stream.push({ event: name, data: version }).catch(() => {})
  const release = admitStream(event, clientKey(event), { push, close: () => stream.close() })
  const unsubscribe = onDataChange(() => push('change', dataVersion()))
  stream.onClosed(() => {
    release()
    unsubscribe()
  })
  push('version', dataVersion())
  return stream.send()
})
