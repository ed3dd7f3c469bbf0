// Open and migrate the database at start, not on the first request, and say so when that fails.
import { stopNotifications } from '../notify/notifications'

export default defineNitroPlugin((nitroApp) => {
  useDatabaseHandle().catch((error: unknown) => {
    console.error('The database could not be started:', error)
  })
  // The job queue works on the database, so it stops first (server/plugins/notifications.ts).
  nitroApp.hooks.hook('close', async () => {
    await stopNotifications()
    await closeDatabase()
  })
})
