// A new embedded database starts from the template that the build makes (scripts/embedded-template.ts):
// migrated already, without `initdb`; an existing one is opened as it is.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../db/client.ts'
import { rows } from '../../db/migrate.ts'
import { templateFile } from '../../scripts/embedded-template-asset.ts'

const script = new URL('../../scripts/embedded-template.ts', import.meta.url).pathname
const journal = new URL('../../db/migrations/meta/_journal.json', import.meta.url)

let template: Blob
let dir: string
const handles: DatabaseHandle[] = []

const migrationsApplied = async (handle: DatabaseHandle) =>
  Number(rows<{ count: string }>(await handle.db.execute(sql`select count(*) from drizzle.__drizzle_migrations`))[0]!.count)

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [script])
  template = new Blob([await readFile(templateFile)])
  dir = await mkdtemp(join(tmpdir(), 'status-page-template-'))
}, 60_000)

afterAll(async () => {
  await Promise.all(handles.map(handle => handle.close()))
  await rm(dir, { recursive: true, force: true })
})

describe('the embedded database template', () => {
  it('holds every migration', async () => {
    const handle = await openDatabase({ url: 'memory://', dataDir: '', template: async () => template })
    handles.push(handle)
    const { entries } = JSON.parse(await readFile(journal, 'utf8')) as { entries: unknown[] }
    expect(await migrationsApplied(handle)).toBe(entries.length)
  })

  it('makes a new data directory, which opens as it is the next time', async () => {
    const first = await openDatabase({ dataDir: dir, template: async () => template })
    await first.db.execute(sql`create table kept (x int)`)
    await first.close()
    const unused = vi.fn(async () => template)
    const second = await openDatabase({ dataDir: dir, template: unused })
    handles.push(second)
    expect(unused).not.toHaveBeenCalled()
    expect(rows(await second.db.execute(sql`select * from kept`))).toEqual([])
    expect(await migrationsApplied(second)).toBeGreaterThan(0)
  })

  it('unpacks the template again when a start was cut short while unpacking it', async () => {
    const cutShort = await mkdtemp(join(tmpdir(), 'status-page-template-'))
    try {
      // Half the archive unpacked, and PG_VERSION among what was written (files are written in parallel).
      const bytes = new Uint8Array(await template.arrayBuffer())
      await expect(openDatabase({ dataDir: cutShort, template: async () => new Blob([bytes.subarray(0, bytes.length / 2)]) })).rejects.toThrow()
      await writeFile(join(cutShort, 'PG_VERSION'), '17\n')
      const handle = await openDatabase({ dataDir: cutShort, template: async () => template })
      const { entries } = JSON.parse(await readFile(journal, 'utf8')) as { entries: unknown[] }
      expect(await migrationsApplied(handle).finally(() => handle.close())).toBe(entries.length)
    }
    finally {
      await rm(cutShort, { recursive: true, force: true })
    }
  })
})
