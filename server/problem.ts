// Errors that services raise for a client's mistake. The API turns them into RFC 9457
// problem+json responses; the admin pages show them next to the field they name.

export interface FieldError {
  field: string
  message: string
}

export class Problem extends Error {
  readonly status: number
  readonly title: string
  readonly errors?: FieldError[]

  constructor(status: number, title: string, detail: string, errors?: FieldError[]) {
    super(detail)
    this.status = status
    this.title = title
    this.errors = errors
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new Problem(400, 'Bad Request', detail, errors)

/** A 400 about one field of the request body. */
export const invalidField = (field: string, message: string) => badRequest(`${field}: ${message}`, [{ field, message }])

export const notFound = (detail: string) => new Problem(404, 'Not Found', detail)

export const conflict = (detail: string, errors?: FieldError[]) => new Problem(409, 'Conflict', detail, errors)

interface DriverError { code?: unknown, constraint?: string, constraint_name?: string, cause?: unknown }

/**
 * The SQLSTATE and constraint of a database error, whichever driver raised it (postgres-js
 * says `constraint_name`, PGlite `constraint`) and however drizzle wrapped it.
 */
export function databaseError(error: unknown): { code: string, constraint: string } | undefined {
  for (let e = error as DriverError | undefined; e; e = e.cause as DriverError | undefined) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: e.constraint_name ?? e.constraint ?? '' }
    }
  }
  return undefined
}

export const UNIQUE_VIOLATION = '23505'
export const FOREIGN_KEY_VIOLATION = '23503'
/** What newer PostgreSQL versions (PGlite among them) raise for an ON DELETE RESTRICT foreign key. */
export const RESTRICT_VIOLATION = '23001'
