// What the command-line tools (token.ts, user.ts) share: ending with a message, and running a
// command against the configured database, migrated first and closed after.
import { openDatabase, type Database } from '../db/client.ts'
import { migrate } from '../db/migrate.ts'
import { config } from '../server/config.ts'
import { Problem } from '../server/problem.ts'

export function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

/** Runs a command on the database; a client's mistake (a Problem) ends the tool with its message. */
export async function withDatabase(command: (db: Database) => Promise<void>) {
  const { db, close } = await openDatabase({ url: config.DATABASE_URL, dataDir: config.STATUS_PAGE_DATA_DIR })
  try {
    await migrate(db)
    await command(db)
  }
  catch (error) {
    if (error instanceof Problem) fail(error.message)
    throw error
  }
  finally {
    await close()
  }
}
