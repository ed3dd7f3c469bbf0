// The job queue and its workers (server/notify/notifications.ts), started once the database is.
import { onDataChange } from '../cache/changes'
import { relaySoon, startNotifications } from '../notify/notifications'

// Stopped on shutdown by server/plugins/database.ts, before the database it works on.
export default defineNitroPlugin(() => {
  useDatabaseHandle().then(startNotifications).catch((error: unknown) => {
    console.error('The job queue could not be started; notifications wait until the next start:', error)
  })
  // A write here that readers see may have recorded events (writes elsewhere relay there).
  onDataChange(origin => origin === 'local' && relaySoon())
})
