import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The API tests run twice, with the same files: once against embedded PGlite, once against a
// real PostgreSQL server. Each project starts the built server (`npm run build` first).
const apiProject = (database: 'pglite' | 'postgres') => ({
  test: {
    name: `api-${database}`,
    include: ['tests/api/**/*.test.ts'],
    globalSetup: ['tests/api/setup/server.ts'],
    provide: { database },
    // Files share one server; severities and phase generations are global, so files take turns.
    fileParallelism: false,
    // Sign-ins cost a scrypt hash each (N = 2^17), slow on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})

export default defineConfig({
  test: {
    projects: [
      // `~~` as Nuxt resolves it, for the client modules the unit tests load.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] }, resolve: { alias: { '~~': fileURLToPath(new URL('.', import.meta.url)) } } },
      apiProject('pglite'),
      apiProject('postgres'),
      // The built server against a PostgreSQL cluster of the test's own, which it stops and freezes.
      { test: { name: 'outage', include: ['tests/outage/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
    ],
  },
})
