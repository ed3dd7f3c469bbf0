import { discardUnreadBody } from '../utils/request-body'

// Every answer, refusals included, waits until a small unread request body has arrived, so the
// client reads the answer instead of a reset connection (server/utils/request-body.ts).
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', event => discardUnreadBody(event))
})
