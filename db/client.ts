// The one place that opens a database: PostgreSQL through `postgres`, or embedded PGlite.
import { existsSync, mkdirSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { Logger } from 'drizzle-orm/logger'
import type { Sql } from 'postgres'
import type { PGlite } from '@electric-sql/pglite'
import * as schema from './schema.ts'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
/** What a service runs its queries on: the database or an open transaction. */
export type Queryable = Database | Transaction

export interface DatabaseHandle {
  db: Database
  kind: 'postgres' | 'pglite'
  /** PostgreSQL only: LISTEN/NOTIFY, by which app instances on one database tell each other about writes. */
  channels?: Pick<Sql, 'listen' | 'notify'>
  /** Where the job queue (server/notify/queue.ts) connects: the PostgreSQL URL, or the PGlite instance it shares. */
  url?: string
  pglite?: PGlite
  /** One trivial query on a connection of its own, so a pool busy with slow queries does not delay it. */
  ping: () => Promise<void>
  close: () => Promise<void>
}

export interface OpenOptions {
  /** `postgres://…`, `memory://`, or undefined for PGlite on disk. */
  url?: string
  /** Where PGlite keeps its files when `url` is undefined. */
  dataDir: string
  logger?: Logger
  /**
   * A new embedded database starts as a copy of this (a tarball of PGlite's data directory, made
   * by scripts/embedded-template.ts) rather than from PostgreSQL's `initdb`, which takes seconds.
   */
  template?: () => Promise<Blob | undefined>
}

const casing = 'snake_case' as const

// Bounds on a PostgreSQL server that is slow, gone or hung, so that no connection or statement waits
// without end (seconds, as `postgres` counts them; milliseconds for the server's own settings).
// A hung server that keeps its sockets open still never answers: server/utils/database-health.ts
// puts a deadline on requests for that.
const limits = {
  connect_timeout: 3,
  backoff: reconnectDelaySeconds,
  // A burst's extra connections do not stay open on the server for ever.
  idle_timeout: 60,
  connection: {
    statement_timeout: 10_000,
    lock_timeout: 5000,
    idle_in_transaction_session_timeout: 15_000,
  },
  onnotice: () => {},
}
/**
 * How long `postgres` waits before connecting again after `retries` failed attempts in a row. Its
 * default grows to 20 s, so a database back after a ten-second outage stayed unused for up to 20 s
 * more; a refused or timed-out connect is cheap, so a second at most (jittered against stampedes).
 */
export function reconnectDelaySeconds(retries: number): number {
  return Math.min(0.05 * 2 ** retries, 1) * (0.5 + Math.random() / 2)
}

// On SIGTERM, queries still running get this long before their connections are cut.
const endTimeoutSeconds = 1

// PostgreSQL's defaults are for a server with memory to spare: 128 MB of shared buffers alone.
// A status page's database is a few megabytes, and the embedded one lives in this process, whose
// memory WebAssembly never gives back; these halve its resident memory at rest.
const EMBEDDED_SETTINGS = ['shared_buffers=16MB', 'work_mem=2MB', 'temp_buffers=1MB', 'wal_buffers=512kB']
export async function openDatabase({ url, dataDir, logger, template }: OpenOptions): Promise<DatabaseHandle> {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { default: postgres } = await import('postgres')
    const { drizzle } = await import('drizzle-orm/postgres-js')
    const client = postgres(url, limits)
    // Its one connection stays open and skips the type lookup, so a probe is a single round trip.
    const probe = postgres(url, { ...limits, max: 1, idle_timeout: 0, fetch_types: false })
    return {
      db: drizzle(client, { schema, casing, logger }) as unknown as Database,
      kind: 'postgres',
      channels: client,
      url,
      ping: async () => void await probe`select 1`,
      close: async () => void await Promise.all([client.end({ timeout: endTimeoutSeconds }), probe.end({ timeout: 0 })]),
    }
  }
  if (url && url !== 'memory://') throw new Error(`DATABASE_URL must start with postgres:// or be memory://, got "${url.split(':')[0]}:…"`)
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  // In memory, PGlite unpacks the template itself; on disk, we do (see prepareDataDir).
  const loadDataDir = url ? await template?.() : undefined
  if (!url) await prepareDataDir(dataDir, template)
  const client = await PGlite.create(url ? undefined : dataDir, { postgresqlconf: EMBEDDED_SETTINGS, ...(loadDataDir && { loadDataDir }) })
  return {
    db: drizzle(client, { schema, casing, logger }) as unknown as Database,
    kind: 'pglite',
    pglite: client,
    ping: async () => void await client.query('select 1'),
    close: () => client.close(),
  }
}

/**
 * Makes `dataDir` a database if it is none yet: the template unpacked straight to disk. PGlite's
 * own `loadDataDir` unpacks the whole archive in memory first: a first start peaked at 344 MB instead
 * of 231 MB, and much of the difference stayed resident for as long as the process ran.
 */
async function prepareDataDir(dataDir: string, template: OpenOptions['template']) {
  mkdirSync(dataDir, { recursive: true })
  // Set while unpacking: a start cut short there leaves PG_VERSION without the rest of the files.
  const unpacking = join(dataDir, '.unpacking-template')
  if (existsSync(join(dataDir, 'PG_VERSION')) && !existsSync(unpacking)) return
  const tarball = await template?.()
  if (!tarball) return // PGlite runs `initdb` instead
  const { extract } = await import('tar')
  await writeFile(unpacking, '')
  // The archive names its entries from the root (`/base/…`): `strip` takes that off. Its thousand
  // small files unpack in half the time when all are written at once; PostgreSQL needs no times.
  await extract({ input: tarball, cwd: dataDir, strip: 1, strict: true, jobs: Infinity, noMtime: true })
  await rm(unpacking)
}
