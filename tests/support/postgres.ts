// The PostgreSQL server the tests run on, and throwaway databases on it. Run by Node's own
// TypeScript stripping too (the browser tests' setup), so: plain type syntax only.
import postgres from 'postgres'

export const testPostgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** A fresh database named `<prefix>_<pid>_<time>` on the test server: its URL, and how to drop it. */
export async function createTestDatabase(prefix: string): Promise<{ url: string, drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`
  const admin = postgres(testPostgresUrl, { onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(testPostgresUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}
