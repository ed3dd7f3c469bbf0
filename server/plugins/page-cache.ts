// Public pages from memory (server/cache/page-cache.ts), answered before Nuxt's renderer runs.
import { answerPageFromCache } from '../cache/page-cache'

export default defineNitroPlugin((nitroApp) => {
  // In development a reload must show the page as just edited.
  if (import.meta.dev) return
  nitroApp.hooks.hook('render:before', answerPageFromCache)
})
