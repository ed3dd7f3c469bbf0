// A garbage collection that gives memory back, once the server is quiet again after being busy.
// V8 keeps the pages its heap grew to under load (about 100 MB, with some 40 MB alive) in a pool
// for later, and only a collection made to reduce memory returns them; an idle server allocates
// too little to get one, so after a burst the process stayed at its peak for as long as it was
// quiet. The DevTools protocol's collection is such a collection, and Node's inspector runs it in
// this process without a debugger attached.
import { Session } from 'node:inspector/promises'

const windowMs = 10_000
/** Requests in a window that still count as quiet: health probes, metrics scrapes. */
const quietRequests = 10

async function collectGarbage() {
  const session = new Session()
  session.connect()
  try {
    await session.post('HeapProfiler.collectGarbage')
  }
  finally {
    session.disconnect()
  }
}

export default defineNitroPlugin((nitroApp) => {
  let requests = 0
  let busySinceCollection = false
  nitroApp.hooks.hook('request', () => {
    requests++
  })
  setInterval(() => {
    const busy = requests > quietRequests
    requests = 0
    if (busy) busySinceCollection = true
    else if (busySinceCollection) {
      busySinceCollection = false
      collectGarbage().catch((error: unknown) => console.error('The garbage collection after a busy spell failed:', error))
    }
  }, windowMs).unref()
})
