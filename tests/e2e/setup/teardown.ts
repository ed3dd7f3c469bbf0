import { execFileSync } from 'node:child_process'

// Playwright has stopped the servers by now: drop the run's PostgreSQL database.
export default function teardown() {
  execFileSync(process.execPath, ['tests/e2e/setup/postgres.ts', 'drop'], { stdio: 'inherit' })
}
