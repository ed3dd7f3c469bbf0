// Writes travel between app instances on one PostgreSQL database (server/cache/postgres-changes.ts).
import { relayChanges } from '../cache/postgres-changes'

export default defineNitroPlugin(() => {
  // A database that fails to start is reported by server/plugins/database.ts.
  useDatabaseHandle().then(({ channels }) => channels && relayChanges(channels), () => {})
})
