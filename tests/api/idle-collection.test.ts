// Once the server is quiet again after its memory grew, it runs one garbage collection that gives
// memory back (server/plugins/idle-collection.ts): none while it is busy, and no more while it
// stays quiet, health probes or not. Seen in V8's own trace, where such collections give "low
// memory notification" as their reason. It does not depend on the project's database: one
// project only.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startApp, type App } from '../support/app'

const REASON = 'low memory notification'
/** The plugin's window. */
const windowMs = 10_000
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

describe.skipIf(inject('database') === 'postgres')('a server quiet after a busy spell', () => {
  let app: App
  const collections = () => app.output().split(REASON).length - 1
  /** Asks for `path` every `everyMs` for `forMs`. */
  const ask = async (path: string, everyMs: number, forMs: number, until = () => false) => {
    const started = Date.now()
    while (Date.now() - started < forMs && !until()) {
      expect((await fetch(`${app.base}${path}`)).status).toBe(200)
      await sleep(everyMs)
    }
  }

  beforeAll(async () => {
    app = await startApp({ DATABASE_URL: 'memory://', STATUS_PAGE_DEMO: 'true' }, undefined, '/readyz', ['--trace-gc'])
  }, 180_000)

  afterAll(async () => {
    await app?.stop()
  })

  it('gives memory back once, and not while busy', async () => {
    // Busy for longer than a window: pages rendered one after another (each a new cache key).
    const started = Date.now()
    while (Date.now() - started < windowMs * 1.5) {
      expect((await fetch(`${app.base}/history?component=${crypto.randomUUID()}`)).status).toBe(200)
    }
    expect(collections()).toBe(0)
    // Quiet but for a probe every two seconds: one collection within two windows.
    await ask('/healthz', 2000, windowMs * 3, () => collections() > 0)
    // (V8 collects twice for it, which the trace shows as two.)
    const once = collections()
    expect(once).toBeGreaterThan(0)
    // Still quiet: no second one.
    await ask('/healthz', 2000, windowMs * 2)
    expect(collections()).toBe(once)
  }, 120_000)
})
