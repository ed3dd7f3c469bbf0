// The data version a request starts at. A page carries it to the browser
// (plugins/data-version.server.ts), whose event stream then tells whether a write came in between
// the rendering and the stream's opening (public/page-live.js).
import { dataVersion } from '../cache/changes'

export default defineEventHandler((event) => {
  event.context.dataVersion = dataVersion()
})

declare module 'h3' {
  interface H3EventContext {
    dataVersion?: string
  }
}
