// Writes the template of a new embedded database: PGlite's data directory after `initdb` and the
// migrations, as a gzipped tarball that the build puts beside the server
// (scripts/embedded-template-asset.ts). A new data directory is unpacked from it in well under a
// second, where `initdb` takes three.
// Run by `npm run build` before `nuxt build`.
import { mkdir, writeFile } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import type { Database } from '../db/client.ts'
import { migrate } from '../db/migrate.ts'
import { templateFile } from './embedded-template-asset.ts'

const client = await PGlite.create()
await migrate(drizzle(client) as unknown as Database)
// Everything written to the data files, so that a copy starts without replaying the log.
await client.query('CHECKPOINT')
const tarball = await client.dumpDataDir('gzip')
await client.close()
await mkdir(new URL('.', templateFile), { recursive: true })
await writeFile(templateFile, Buffer.from(await tarball.arrayBuffer()))
