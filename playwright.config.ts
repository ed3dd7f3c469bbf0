import { defineConfig } from '@playwright/test'
import { testPostgresUrl } from './tests/support/postgres'

// Browser tests drive Debian's Chromium against the built app (`npm run build` first), once on
// embedded PGlite and once on PostgreSQL, both with demo data.
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
// Set once here so that Playwright's worker processes, which load this file again, agree on it.
process.env.E2E_POSTGRES_DATABASE ??= `status_page_e2e_${Date.now()}`
const e2eDatabase = process.env.E2E_POSTGRES_DATABASE

// E2E_PORT lets two runs share a machine: a run takes it and the next two ports.
const port = Number(process.env.E2E_PORT ?? 3210)
/** Where the servers send mail: tests/e2e/subscribe.spec.ts listens there while it runs. */
export const mailPort = port + 2

const servers = {
  pglite: { port, before: '', env: { DATABASE_URL: 'memory://' } },
  postgres: {
    port: port + 1,
    before: 'node tests/e2e/setup/postgres.ts create && ',
    env: { DATABASE_URL: testPostgresUrl.replace(/\/[^/]*$/, `/${e2eDatabase}`), STATUS_PAGE_DEMO: 'true' },
  },
}

export const adminToken = 'e2e-admin-token-0123456789abcdef'
// The first admin of the admin area, created at start from the environment.
export const admin = { email: 'e2e-admin@example.test', password: 'e2e-admin-password' }

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  // One retry in CI: a test that fails once and then passes is reported as flaky, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  globalTeardown: './tests/e2e/setup/teardown.ts',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: Object.entries(servers).map(([name, { port }]) => ({
    name,
    use: { baseURL: `http://127.0.0.1:${port}` },
  })),
  webServer: Object.values(servers).map(({ port, before, env }) => ({
    command: `${before}node .output/server/index.mjs`,
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      STATUS_PAGE_ADMIN_TOKEN: adminToken,
      STATUS_PAGE_ADMIN_EMAIL: admin.email,
      STATUS_PAGE_ADMIN_PASSWORD: admin.password,
      TEST_POSTGRES_URL: testPostgresUrl,
      STATUS_PAGE_SMTP_URL: `smtp://127.0.0.1:${mailPort}`,
      STATUS_PAGE_MAIL_FROM: 'Status <status@example.test>',
      STATUS_PAGE_PUBLIC_URL: `http://127.0.0.1:${port}`,
      // The webhook tests' receiver runs on loopback.
      STATUS_PAGE_WEBHOOK_ALLOW_PRIVATE: 'true',
    },
  })),
})
