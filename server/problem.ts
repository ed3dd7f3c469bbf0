// Errors that services raise for a client's mistake. The API turns them into RFC 9457
// problem+json responses; the admin pages show them next to the field they name.
import type { FieldErrorData } from '../openapi/schemas.ts'

export type FieldError = FieldErrorData

export class Problem extends Error {
  readonly status: number
  readonly title: string
  readonly errors?: FieldError[]
  /** Members of the problem document beyond RFC 9457's own, e.g. the current `etag` of a 412. */
  readonly extensions?: Record<string, unknown>

  constructor(status: number, title: string, detail: string, errors?: FieldError[], extensions?: Record<string, unknown>) {
    super(detail)
    this.status = status
    this.title = title
    this.errors = errors
    this.extensions = extensions
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new Problem(400, 'Bad Request', detail, errors)

/** A 400 about one field of the request body; the code lets clients say it in their language. */
export const invalidField = (field: string, message: string, code?: FieldError['code']) =>
  badRequest(`${field}: ${message}`, [{ field, message, ...(code && { code }) }])

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

/** The database is gone or does not answer in time: the request may succeed if tried again. */
export const databaseUnavailable = () =>
  new Problem(503, 'Service Unavailable', 'The database does not answer at the moment; please try again shortly.')

// Connection errors of the `postgres` driver and of Node's sockets.
const connectionErrors = new Set(['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])
// SQLSTATEs of a server that is going away, starting, overloaded or cut off a slow statement:
// connection exceptions (08), operator intervention (57: shutdown, cancel, statement timeout),
// too many connections (53300), lock timeout (55P03), idle-in-transaction timeout (25P03).
const unavailableStates = /^(08...|57...|53300|55P03|25P03)$/

/** Whether an error means the database is unavailable rather than that the request was wrong. */
export function isDatabaseOutage(error: unknown): boolean {
  if (error instanceof Problem) return error.status === 503
  for (let e = error as DriverError | undefined; e; e = e.cause as DriverError | undefined) {
    if (typeof e.code === 'string' && (connectionErrors.has(e.code) || unavailableStates.test(e.code))) return true
  }
  return false
}

export const UNIQUE_VIOLATION = '23505'
export const FOREIGN_KEY_VIOLATION = '23503'
/** What newer PostgreSQL versions (PGlite among them) raise for an ON DELETE RESTRICT foreign key. */
export const RESTRICT_VIOLATION = '23001'
