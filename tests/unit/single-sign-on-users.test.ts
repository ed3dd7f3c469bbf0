import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../db/client.ts'
import { migrate } from '../../db/migrate.ts'
import { users } from '../../db/schema.ts'
import { userForSingleSignOn } from '../../server/services/users.ts'

// Which user a single sign-on finds, on a real (embedded) database. The API tests cover the
// whole flow against a real identity provider; this covers an email that changes at the provider.

const issuer = 'https://idp.example.test'
let handle: DatabaseHandle

beforeAll(async () => {
  handle = await openDatabase({ url: 'memory://', dataDir: '' })
  await migrate(handle.db)
}, 120_000)

afterAll(() => handle.close())

async function existingUser(email: string) {
  const [row] = await handle.db.insert(users).values({ email, role: 'admin' }).returning({ id: users.id })
  return row!.id
}

describe('userForSingleSignOn', () => {
  it('binds a user found by email to the issuer and subject, and finds them by these when their email changes', async () => {
    const id = await existingUser('moving@example.test')
    expect(await userForSingleSignOn(handle.db, { issuer, subject: 's-1', email: 'moving@example.test' }, undefined)).toMatchObject({ id })
    expect(await userForSingleSignOn(handle.db, { issuer, subject: 's-1', email: 'moved@example.test' }, undefined)).toMatchObject({ id, email: 'moving@example.test' })
  })

  it('refuses another subject, or the same subject at another issuer, with a bound user\'s email', async () => {
    await existingUser('bound@example.test')
    await userForSingleSignOn(handle.db, { issuer, subject: 's-2', email: 'bound@example.test' }, undefined)
    expect(await userForSingleSignOn(handle.db, { issuer, subject: 's-3', email: 'bound@example.test' }, 'admin')).toEqual({ refused: 'other-identity' })
    expect(await userForSingleSignOn(handle.db, { issuer: 'https://other.example.test', subject: 's-2', email: 'bound@example.test' }, 'admin')).toEqual({ refused: 'other-identity' })
  })

  it('creates a user bound to the identity when a role is given, and no one without', async () => {
    const created = await userForSingleSignOn(handle.db, { issuer, subject: 's-4', email: 'New@example.test' }, 'editor')
    expect(created).toMatchObject({ email: 'new@example.test', role: 'editor' })
    expect(await userForSingleSignOn(handle.db, { issuer, subject: 's-4', email: 'renamed@example.test' }, undefined)).toEqual(created)
    expect(await userForSingleSignOn(handle.db, { issuer, subject: 's-5', email: 'nobody@example.test' }, undefined)).toEqual({ refused: 'no-access' })
  })
})
