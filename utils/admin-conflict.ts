// A conflict (a write refused with 412 because a colleague changed the thing meanwhile) in words:
// the fields the colleague changed since the operator's copy was read, each with the operator's
// value beside the one saved now.
import type { ConflictRow } from './admin-problem'

/** How the values of a conflict read: each field's label, the word for no value, formats by field. */
export interface ConflictWording<F extends string> {
  labels: Partial<Record<F, string>>
  none: string
  format?: Partial<Record<F, (value: never) => string>>
}

/** The fields, of those given, in which the thing as it is now differs from the copy an edit began with. */
export const changedKeys = <T, F extends keyof T & string>(fields: readonly F[], started: T, current: T): F[] =>
  fields.filter(field => JSON.stringify(started[field]) !== JSON.stringify(current[field]))

export function conflictRows<F extends string>(fields: readonly F[], mine: Partial<Record<F, unknown>>, current: Partial<Record<F, unknown>>, wording: ConflictWording<F>): ConflictRow[] {
  const inWords = (field: F, value: unknown) => {
    if (value === undefined || value === null || value === '') return wording.none
    const format = wording.format?.[field] as ((value: unknown) => string) | undefined
    return (format ? format(value) : plainWords(value)) || wording.none
  }
  return fields.map(field => ({ field, label: wording.labels[field] ?? field, mine: inWords(field, mine[field]), theirs: inWords(field, current[field]) }))
}

/** A value without a format of its own: a list item by item, a record as `key=value` pairs. */
function plainWords(value: unknown): string {
  if (Array.isArray(value)) return value.map(plainWords).join('; ')
  if (value && typeof value === 'object') return Object.entries(value).map(([key, item]) => `${key}=${plainWords(item)}`).join(', ')
  return String(value)
}
