import { sql } from 'drizzle-orm'

// Readiness: the database is migrated and answers a query.
export default defineEventHandler(async (event) => {
  try {
    const db = await useDatabase()
    await db.execute(sql`select 1`)
    return { status: 'ready' }
  }
  catch (error) {
    console.error('Readiness check failed:', error)
    setResponseStatus(event, 503)
    return { status: 'unavailable' }
  }
})
