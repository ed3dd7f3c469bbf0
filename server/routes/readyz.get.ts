import { databaseUnavailable } from '../problem'

// Readiness: the database is migrated and answers a query within half a second. Always answers
// within a second: a database that hangs gets a 503 too.
export default defineEventHandler(async (event) => {
  if (await databaseAnswers()) return { status: 'ready' }
  return sendProblem(event, databaseUnavailable())
})
