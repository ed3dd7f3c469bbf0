// Settings of the public page. Each one is a row; a setting without a row has its default, so the
// page works on an empty database and new settings need no migration.
import { inArray, sql } from 'drizzle-orm'
import type { Queryable, Transaction } from '../../db/client.ts'
import { settings } from '../../db/schema.ts'
import { Settings, type SettingsChange, type SettingsData } from '../../openapi/schemas.ts'
import type { GuardedResource } from '../utils/preconditions.ts'

export const DEFAULT_SETTINGS: Readonly<SettingsData> = Object.freeze({
  title: 'Cloud status',
  logoUrl: null,
  about: null,
  imprintUrl: null,
  privacyUrl: null,
  footerLinks: [],
  groupBy: ['region', 'az'],
  maintenanceDays: 30,
  statuspageStatuses: null,
})

type SettingName = keyof SettingsData

export async function getSettings(db: Queryable): Promise<SettingsData> {
  const stored = new Map((await db.select().from(settings)).map(row => [row.name, row.value]))
  const entries = (Object.keys(DEFAULT_SETTINGS) as SettingName[]).map((name) => {
    // A value that no longer validates (written by an older version) falls back to the default
    // rather than breaking the page.
    const parsed = Settings.shape[name].safeParse(stored.get(name))
    return [name, stored.has(name) && parsed.success ? parsed.data : DEFAULT_SETTINGS[name]]
  })
  return Object.fromEntries(entries) as SettingsData
}

// Settings without a row have nothing to lock, so writes of the settings queue up on this
// advisory lock instead (any constant; it names nothing else).
const SETTINGS_LOCK = 7_265_110
const lockSettings = (tx: Transaction) => tx.execute(sql`select pg_advisory_xact_lock(${SETTINGS_LOCK})`)

/** The settings under If-Match (server/utils/preconditions.ts). */
export const settingsResource: GuardedResource = { noun: 'settings', lock: lockSettings, read: getSettings }

/** Stores the given settings, all or none; omitted ones keep their value, null restores the default. */
export function updateSettings(db: Queryable, change: SettingsChange) {
  const given = Object.entries(change).filter(([, value]) => value !== undefined)
  const cleared = given.filter(([, value]) => value === null).map(([name]) => name)
  const rows = given.filter(([, value]) => value !== null).map(([name, value]) => ({ name, value, updatedAt: new Date() }))
  return db.transaction(async (tx) => {
    await lockSettings(tx)
    if (cleared.length > 0) await tx.delete(settings).where(inArray(settings.name, cleared))
    if (rows.length > 0) {
      await tx.insert(settings).values(rows).onConflictDoUpdate({
        target: settings.name,
        set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
      })
    }
  })
}
