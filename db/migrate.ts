// Applies the SQL migrations that drizzle-kit wrote to db/migrations. The files are read through
// a callback, so the built server can take them from its bundled assets and scripts from disk.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { sql } from 'drizzle-orm'
import type { MigrationMeta } from 'drizzle-orm/migrator'
import type { Database } from './client.ts'

type ReadMigrationFile = (name: string) => Promise<string>

interface Journal { entries: { tag: string, when: number, breakpoints: boolean }[] }

export const migrationsDir = new URL('./migrations/', import.meta.url)

export const readMigrationFromDisk: ReadMigrationFile = name => readFile(new URL(name, migrationsDir), 'utf8')

async function loadMigrations(read: ReadMigrationFile): Promise<MigrationMeta[]> {
  const journal = JSON.parse(await read('meta/_journal.json')) as Journal
  return Promise.all(journal.entries.map(async (entry) => {
    const query = await read(`${entry.tag}.sql`)
    return {
      sql: query.split('--> statement-breakpoint'),
      bps: entry.breakpoints,
      folderMillis: entry.when,
      hash: createHash('sha256').update(query).digest('hex'),
    }
  }))
}

// Several app instances may start at once against one PostgreSQL server: a transaction-scoped
// advisory lock lets one of them migrate while the others wait, then find nothing left to do.
// The bookkeeping table is drizzle's own, so drizzle-kit's tools keep working.
const MIGRATION_LOCK = 4020001

export async function migrate(db: Database, read: ReadMigrationFile = readMigrationFromDisk) {
  const migrations = await loadMigrations(read)
  await db.transaction(async (tx) => {
    // Waiting for another instance's migration, or a long one, is no reason to give up.
    await tx.execute(sql`set local lock_timeout = 0`)
    await tx.execute(sql`set local statement_timeout = 0`)
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`)
    await tx.execute(sql`create schema if not exists drizzle`)
    await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`)
    const applied = await tx.execute(sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`)
    const last = Number(rows<{ created_at: string }>(applied)[0]?.created_at ?? -1)
    for (const migration of migrations.filter(m => m.folderMillis > last)) {
      for (const statement of migration.sql) await tx.execute(sql.raw(statement))
      await tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`)
    }
  })
}

/** The rows of `execute`: postgres-js returns an array, PGlite an object with `rows`. */
export function rows<T>(result: unknown): T[] {
  return Array.isArray(result) ? result as T[] : (result as { rows: T[] }).rows
}
