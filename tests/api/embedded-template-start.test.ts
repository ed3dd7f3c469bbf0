// A built server makes a new embedded database from the template beside it
// (.output/server/embedded/, scripts/embedded-template-asset.ts) rather than with `initdb`. A
// database made from the template keeps the template's system identifier; `initdb` would have
// made a new one. Only the embedded database has a template: one project only.
import { openAsBlob } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { rows } from '../../db/migrate.ts'
import { startApp } from '../support/app'

const template = new URL('../../.output/server/embedded/database.tar.gz', import.meta.url)
const dirs: string[] = []

async function systemIdentifier(dataDir: string, fromTemplate?: URL) {
  const handle = await openDatabase({ dataDir, template: fromTemplate && (() => openAsBlob(fromTemplate)) })
  try {
    return rows<{ id: string }>(await handle.db.execute(sql`select system_identifier::text as id from pg_control_system()`))[0]!.id
  }
  finally {
    await handle.close()
  }
}

afterAll(async () => {
  await Promise.all(dirs.map(dir => rm(dir, { recursive: true, force: true })))
})

describe.skipIf(inject('database') === 'postgres')('the first start of a built server', () => {
  it('makes the new embedded database from the template beside the bundle', async () => {
    const [served, copied] = await Promise.all([0, 1].map(() => mkdtemp(join(tmpdir(), 'status-page-first-start-'))))
    dirs.push(served!, copied!)
    const app = await startApp({ DATABASE_URL: undefined, STATUS_PAGE_DATA_DIR: served, STATUS_PAGE_PROVISIONING_FILE: undefined })
    await app.stop()
    expect(await systemIdentifier(served!)).toBe(await systemIdentifier(copied!, template))
  }, 180_000)
})
