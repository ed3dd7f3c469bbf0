// A garbage collection that gives memory back, once the server is quiet again after its memory
// grew. V8 keeps the pages its heap grew to under load (about 100 MB, with some 40 MB alive) in a
// pool for later, and only a collection made to reduce memory returns them; an idle server
// allocates too little to get one, so after a burst the process stayed at its peak for as long as
// it was quiet. The DevTools protocol's collection is such a collection, and Node's inspector
// runs it in this process without a debugger attached.
import { Session } from 'node:inspector/promises'

const windowMs = 10_000
/** CPU time in a window that still counts as quiet: health probes, scrapes, the job queue's polls. */
const quietCpuMs = 500
/** How much more resident memory than after the last collection makes another worthwhile. */
const growthBytes = 32 * 2 ** 20

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

export default defineNitroPlugin(() => {
  let residentAfter = process.memoryUsage.rss()
  let cpuBefore = process.cpuUsage()
  setInterval(() => {
    const { user, system } = process.cpuUsage(cpuBefore)
    cpuBefore = process.cpuUsage()
    if ((user + system) / 1000 >= quietCpuMs || process.memoryUsage.rss() - residentAfter < growthBytes) return
    collectGarbage()
      .then(() => (residentAfter = process.memoryUsage.rss()))
      .catch((error: unknown) => console.error('The garbage collection after a busy spell failed:', error))
  }, windowMs).unref()
})
