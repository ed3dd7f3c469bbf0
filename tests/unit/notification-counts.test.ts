// The metrics' counts of subscribers and webhook receivers, on hand-made rows in an embedded database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../db/client.ts'
import { migrate } from '../../db/migrate.ts'
import { subscriptions, webhooks } from '../../db/schema.ts'
import { countNotificationTargets } from '../../server/services/notification-counts.ts'

let handle: DatabaseHandle

beforeAll(async () => {
  handle = await openDatabase({ url: 'memory://', dataDir: '' })
  await migrate(handle.db)
}, 60_000)

afterAll(() => handle?.close())

const person = (n: number, confirmedAt: Date | null) =>
  ({ email: `p${n}@example.test`, locale: 'en', timeZone: 'UTC', secret: `secret-${n}`, confirmedAt })
const tool = (active: boolean) => ({ url: 'https://example.test/hook', secret: 'whsec_x', active })

describe('countNotificationTargets', () => {
  it('is all zeros on an empty database', async () => {
    expect(await countNotificationTargets(handle.db)).toEqual({ confirmedSubscribers: 0, pendingSubscribers: 0, activeWebhooks: 0, pausedWebhooks: 0 })
  })

  it('splits subscribers by confirmation and receivers by whether they are active', async () => {
    await handle.db.insert(subscriptions).values([person(1, new Date('2026-01-01T00:00:00Z')), person(2, new Date('2026-01-02T00:00:00Z')), person(3, null)])
    await handle.db.insert(webhooks).values([tool(true), tool(false), tool(false), tool(false)])
    expect(await countNotificationTargets(handle.db)).toEqual({ confirmedSubscribers: 2, pendingSubscribers: 1, activeWebhooks: 1, pausedWebhooks: 3 })
  })
})
