// The audit log: who changed what and when. Entries are written after each successful write and
// never changed; reading pages backwards from the newest.
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { auditLog } from '../../db/schema.ts'
import type { AuditEntryData, AuditFilter } from '../../openapi/admin-schemas.ts'

export type AuditInput = Omit<typeof auditLog.$inferInsert, 'id' | 'at'>

export async function recordAudit(db: Queryable, entry: AuditInput) {
  await db.insert(auditLog).values(entry)
}

/** The newest entries that match every given filter, newest first; `before` continues a page. */
export async function listAudit(db: Queryable, filter: AuditFilter): Promise<AuditEntryData[]> {
  const conditions: (SQL | undefined)[] = [
    filter.actor ? eq(auditLog.actor, filter.actor) : undefined,
    filter.kind ? eq(auditLog.resourceKind, filter.kind) : undefined,
    filter.since ? gte(auditLog.at, new Date(filter.since)) : undefined,
    filter.until ? lte(auditLog.at, new Date(filter.until)) : undefined,
    filter.before ? lt(auditLog.id, filter.before) : undefined,
  ]
  const rows = await db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(filter.limit)
  return rows.map(row => ({ ...row, at: row.at.toISOString() }))
}

/** What a write was about: the first segment after /api, and the id its parsed path parameters or its response name. */
export function resourceOf(path: string, params: Record<string, unknown> | undefined, result: unknown): Pick<AuditInput, 'resourceKind' | 'resourceId'> {
  const resourceKind = path.split('/')[2] ?? ''
  const named = result && typeof result === 'object' ? result as Record<string, unknown> : {}
  const id = Object.values(params ?? {})[0] ?? named.id ?? named.name ?? named.generation
  return { resourceKind, resourceId: id === undefined ? null : String(id) }
}

// Secrets never reach the log, whatever the resource.
const SECRET_FIELD = /password|secret|token/i
const MAX_SUMMARY = 300

function describe(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`
  if (value && typeof value === 'object') return `{${Object.keys(value).join(', ')}}`
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 79)}…` : value)
  return String(value)
}

/** A short, secret-free account of a request body: its fields and their values, abbreviated. */
export function summarize(body: unknown): string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body === undefined ? '' : describe(body)
  const text = Object.entries(body).filter(([key]) => !SECRET_FIELD.test(key)).map(([key, value]) => `${key}: ${describe(value)}`).join(', ')
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text
}
