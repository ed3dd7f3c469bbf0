// A client that wrote reads its own write next, though others may get the copy from before it for
// about a second (server/cache/read-floor.ts). A write that changed data moved the data version
// while it ran; the response has not gone out yet, so the client's next read already knows.
import { dataVersion } from '../cache/changes'
import { rememberWriter } from '../cache/read-floor'

const READING = new Set(['GET', 'HEAD', 'OPTIONS'])

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event) => {
    if (READING.has(event.method) || getResponseStatus(event) >= 400) return
    if (event.context.dataVersion !== dataVersion()) rememberWriter(event)
  })
})
