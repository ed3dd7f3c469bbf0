// The one place that opens a database: PostgreSQL through `postgres`, or embedded PGlite.
import { mkdirSync } from 'node:fs'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { Logger } from 'drizzle-orm/logger'
import type { Sql } from 'postgres'
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
  close: () => Promise<void>
}

export interface OpenOptions {
  /** `postgres://…`, `memory://`, or undefined for PGlite on disk. */
  url?: string
  /** Where PGlite keeps its files when `url` is undefined. */
  dataDir: string
  logger?: Logger
}

const casing = 'snake_case' as const

export async function openDatabase({ url, dataDir, logger }: OpenOptions): Promise<DatabaseHandle> {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const { default: postgres } = await import('postgres')
    const { drizzle } = await import('drizzle-orm/postgres-js')
    const client = postgres(url, { onnotice: () => {} })
    return { db: drizzle(client, { schema, casing, logger }) as unknown as Database, kind: 'postgres', channels: client, close: () => client.end() }
  }
  if (url && url !== 'memory://') throw new Error(`DATABASE_URL must start with postgres:// or be memory://, got "${url.split(':')[0]}:…"`)
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  if (!url) mkdirSync(dataDir, { recursive: true })
  const client = await PGlite.create(url ? undefined : dataDir)
  return { db: drizzle(client, { schema, casing, logger }) as unknown as Database, kind: 'pglite', close: () => client.close() }
}
