// Rendering a page must leave nothing behind. Counted in a heap snapshot of a server of its own,
// since memory figures alone are mostly the garbage collector's headroom. It does not depend on
// the project's database: one project only.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startApp, type App } from '../support/app'

const RENDERS = 40

/** The status code of GET `url` sent with `host` (fetch would send the URL's). */
function statusFor(url: string, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { host } }, (reply) => {
      reply.resume().once('end', () => resolve(reply.statusCode))
    }).once('error', reject)
  })
}

/** How many objects of each of `names` the snapshot in `dir` holds (V8's heap snapshot format). */
async function countObjects(dir: string, names: string[]): Promise<Record<string, number>> {
  const [file] = (await readdir(dir)).filter(name => name.endsWith('.heapsnapshot'))
  const snapshot = JSON.parse(await readFile(join(dir, file!), 'utf8'))
  const fields: string[] = snapshot.snapshot.meta.node_fields
  const name = fields.indexOf('name')
  const counts = new Map(names.map(n => [n, 0]))
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const objectName = snapshot.strings[snapshot.nodes[i + name]]
    const count = counts.get(objectName)
    if (count !== undefined) counts.set(objectName, count + 1)
  }
  return Object.fromEntries(counts)
}

describe.skipIf(inject('database') === 'postgres')('rendering pages', () => {
  let app: App
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'status-page-heap-'))
    app = await startApp({
      DATABASE_URL: 'memory://',
      STATUS_PAGE_DEMO: 'true',
      NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}`,
    })
  }, 180_000)

  afterAll(async () => {
    await app?.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('keeps no reactive effects of pages already sent', async () => {
    // Each host is a page of its own to the page cache: every request renders.
    for (let i = 0; i < RENDERS; i++) {
      expect(await statusFor(`${app.base}/`, `render-${i}.example`)).toBe(200)
    }
    app.process.kill('SIGUSR2')
    // Writing the snapshot blocks the server: once it answers again, the file is complete.
    await new Promise(resolve => setTimeout(resolve, 500))
    await fetch(`${app.base}/healthz`)
    const counts = await countObjects(dir, ['ReactiveEffect', 'EffectScope'])
    // Vuetify's deep watch of its language catalogues kept four effects and a scope per render.
    expect(counts.ReactiveEffect).toBeLessThan(RENDERS / 2)
    expect(counts.EffectScope).toBeLessThan(RENDERS / 2)
  }, 120_000)
})
