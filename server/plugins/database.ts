// Open and migrate the database at start, not on the first request, and say so when that fails.
export default defineNitroPlugin((nitroApp) => {
  useDatabaseHandle().catch((error: unknown) => {
    console.error('The database could not be started:', error)
  })
  nitroApp.hooks.hook('close', closeDatabase)
})
