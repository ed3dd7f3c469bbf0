import { randomBytes, scryptSync } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { migrate } from '../../db/migrate.ts'
import { users } from '../../db/schema.ts'
import { hashPassword, needsRehash, verifyPassword } from '../../server/auth/passwords.ts'
import { authenticatePassword } from '../../server/services/users.ts'

/** A hash as the previous version made them: scrypt with N = 2^15. */
function oldHash(password: string) {
  const salt = randomBytes(16)
  const key = scryptSync(password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 2 ** 20 })
  return ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')
}

describe('password hashes', () => {
  it('are scrypt with N = 2^17, r = 8, p = 1', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(needsRehash(hash)).toBe(false)
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
  }, 120_000)

  it('of an older cost still verify, and are replaced at the next successful sign-in', async () => {
    const { db, close } = await openDatabase({ url: 'memory://', dataDir: '' })
    try {
      await migrate(db)
      // Stored as an older version left it.
      const before = oldHash('correct horse battery')
      const [{ id }] = await db.insert(users).values({ email: 'old@example.test', role: 'editor', passwordHash: before }).returning({ id: users.id }) as [{ id: string }]
      const stored = async () => (await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id)))[0]!.hash!

      expect(await authenticatePassword(db, 'old@example.test', 'wrong password')).toBeUndefined()
      expect(await stored()).toBe(before)
      expect(await authenticatePassword(db, 'old@example.test', 'correct horse battery')).toMatchObject({ id })
      const after = await stored()
      expect(after).toMatch(/^scrypt\$131072\$/)
      expect(await verifyPassword('correct horse battery', after)).toBe(true)
    }
    finally {
      await close()
    }
  }, 120_000)
})
