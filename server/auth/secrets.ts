// Secrets the server makes for itself when the operator configured none. They live in the
// database, so restarts and every instance on the same database agree on them.
import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { serverSecrets } from '../../db/schema.ts'

/** The secret with this name, generated on first use. */
export async function storedSecret(db: Queryable, name: string): Promise<string> {
  // Whoever inserts first wins; everyone reads the winner's value.
  await db.insert(serverSecrets).values({ name, value: randomBytes(32).toString('base64url') }).onConflictDoNothing()
  const [row] = await db.select({ value: serverSecrets.value }).from(serverSecrets).where(eq(serverSecrets.name, name))
  return row!.value
}
