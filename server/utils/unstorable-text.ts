// Text that PostgreSQL cannot store: NUL characters, and UTF-16 surrogates without their other
// half (which have no UTF-8 form). Checked once for every body, path segment and query value, so
// such input is a 400 naming the field rather than a database error.
import type { FieldError } from '../problem'

const MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates'

export const isStorableText = (text: string) => !text.includes('\u0000') && text.isWellFormed()

/** Every field of a parsed JSON value whose text, or one of whose keys, cannot be stored. */
export function unstorableFields(value: unknown, field = ''): FieldError[] {
  if (typeof value === 'string') return isStorableText(value) ? [] : [{ field, message: MESSAGE }]
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableFields(item, `${field}[${index}]`))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, item]) => isStorableText(key)
    ? unstorableFields(item, field ? `${field}.${key}` : key)
    : [{ field: field || 'body', message: `a key ${MESSAGE}` }])
}
