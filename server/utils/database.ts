// The app's database: opened once, migrated, provisioned, (on an empty embedded database) filled
// with demo data, and given its first admin before the first query runs.
import { readFile } from 'node:fs/promises'
import templateUrl from '#embedded-template'
import { openDatabase, type DatabaseHandle } from '../../db/client'
import { migrate } from '../../db/migrate'
import { config } from '../config'
import { seedDemo } from '../services/demo'
import { provision, readProvisioningFile } from '../services/provisioning'
import { createFirstAdmin } from '../services/users'

/**
 * The new embedded database's template that `npm run build` makes. Read whole (5 MB): a Blob backed
 * by the file (`fs.openAsBlob`) made Node crash when asked for a heap snapshot.
 */
async function embeddedTemplate(): Promise<Blob | undefined> {
  const url = templateUrl()
  return url && new Blob([await readFile(url)])
}

async function start(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.STATUS_PAGE_DATA_DIR, template: embeddedTemplate })
  try {
    const migrations = useStorage('assets:migrations')
    await migrate(handle.db, async (name) => {
      const text = await migrations.getItemRaw<Buffer | string>(name)
      if (text === null) throw new Error(`Migration file ${name} is missing from the server bundle`)
      return text.toString()
    })
    if (config.STATUS_PAGE_PROVISIONING_FILE) {
      const filled = await provision(handle.db, await readProvisioningFile(config.STATUS_PAGE_PROVISIONING_FILE))
      if (filled.length > 0) console.info(`Provisioned ${filled.join(', ')} from ${config.STATUS_PAGE_PROVISIONING_FILE}`)
    }
    else if ((config.STATUS_PAGE_DEMO ?? handle.kind === 'pglite') && await seedDemo(handle.db)) {
      console.info('Filled the empty database with demo data (STATUS_PAGE_DEMO=false turns this off)')
    }
    const { STATUS_PAGE_ADMIN_EMAIL: email, STATUS_PAGE_ADMIN_PASSWORD: password } = config
    if (email && password && await createFirstAdmin(handle.db, email, password)) {
      console.info(`Created the first admin, ${email}, from STATUS_PAGE_ADMIN_EMAIL`)
    }
  }
  catch (error) {
    // Half started (the database went away during the migration): the next attempt opens anew.
    await handle.close().catch(() => {})
    throw error
  }
  return handle
}

// Kept on globalThis so dev-server hot reloads reuse the open database instead of opening another.
const holder = globalThis as { statusPageDatabase?: Promise<DatabaseHandle> }

export function useDatabaseHandle(): Promise<DatabaseHandle> {
  if (!holder.statusPageDatabase) {
    const starting = start()
    holder.statusPageDatabase = starting
    // A database that was unavailable at start is tried again by the next request.
    starting.catch(() => {
      if (holder.statusPageDatabase === starting) holder.statusPageDatabase = undefined
    })
  }
  return holder.statusPageDatabase
}

export const useDatabase = async () => (await useDatabaseHandle()).db

/** Closes the database if it is open: Nitro's `close` hook, on SIGTERM. */
export async function closeDatabase() {
  const handle = await holder.statusPageDatabase?.catch(() => undefined)
  holder.statusPageDatabase = undefined
  await handle?.close()
}
