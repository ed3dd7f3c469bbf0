// What every API handler shares: problem+json errors, and parsing of bodies, ids and queries
// against the schemas in openapi/schemas.ts.
import type { H3Event } from 'h3'
import type { z } from 'zod'
import { Digits, Id } from '../../openapi/schemas'
import { markChanged } from '../cache/changes'
import { badRequest, databaseUnavailable, invalidField, isDatabaseOutage, Problem, type FieldError } from '../problem'
import { readBodyBytes } from './request-body'
import { unstorableFields } from './unstorable-text'

const READING = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface ApiHandlerOptions {
  /** An answer for when the database is unavailable (a last good copy), or undefined for a 503. */
  whenDatabaseFails?: (event: H3Event) => Promise<unknown>
  /** `false` for writes that no anonymous reader sees: they keep the caches and wake no page. */
  changesPublicData?: boolean
}

/**
 * An API route: any error becomes an RFC 9457 problem+json response. Every successful write
 * goes to the audit log under the caller that requireWriteAccess (or its kin) authenticated,
 * and one that changes public data marks the data changed (server/cache/changes.ts), which
 * drops cached answers and wakes open pages. A database that is down or hangs gets a
 * 503 within 2 s (server/utils/database-health.ts).
 */
export function defineApiHandler<T>(handler: (event: H3Event) => Promise<T>, options: ApiHandlerOptions = {}) {
  return defineEventHandler(async (event) => {
    const writing = !READING.has(event.method)
    try {
      return await withinDatabaseDeadline(async () => {
        const result = await handler(event)
        if (writing) {
          if (options.changesPublicData !== false) markChanged()
          await recordWrite(event, result)
        }
        return result
      })
    }
    catch (error) {
      if (isDatabaseOutage(error)) {
        suspectDatabaseOutage()
        const answer = await options.whenDatabaseFails?.(event)
        if (answer !== undefined) return answer
      }
      return sendProblem(event, toProblem(error))
    }
  })
}

function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error
  if (isDatabaseOutage(error)) return databaseUnavailable()
  if (isError(error) && error.statusCode < 500) {
    return new Problem(error.statusCode, error.statusMessage || 'Bad Request', error.message)
  }
  console.error(error)
  return new Problem(500, 'Internal Server Error', 'The server failed to handle the request; the error is logged.')
}

export function sendProblem(event: H3Event, problem: Problem) {
  setResponseStatus(event, problem.status)
  setResponseHeader(event, 'content-type', 'application/problem+json')
  if (problem.status === 401) setResponseHeader(event, 'www-authenticate', 'Bearer realm="status-page"')
  if (problem.status === 503) setResponseHeader(event, 'retry-after', 5)
  return {
    type: 'about:blank',
    title: problem.title,
    status: problem.status,
    detail: problem.message,
    ...(problem.errors && { errors: problem.errors }),
    ...problem.extensions,
  }
}

const fieldName = (path: PropertyKey[]) =>
  path.reduce<string>((name, key) => typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key), '')

const valueAt = (value: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), value)

// too_small and too_big count characters, items or the number itself, and say so in the code.
const BOUND_CODES: Partial<Record<string, [FieldError['code'], FieldError['code']]>> = {
  string: ['too_short', 'too_long'], number: ['too_small', 'too_big'], int: ['too_small', 'too_big'], array: ['too_few', 'too_many'],
}
const FORMAT_CODES: Partial<Record<string, FieldError['code']>> = { email: 'invalid_email', url: 'invalid_url', datetime: 'invalid_datetime' }

/** What is wrong, as a code a client can translate (see FIELD_ERROR_CODES), and the bound it names. */
function codeOf(issue: z.core.$ZodIssue, value: unknown): Pick<FieldError, 'code' | 'limit'> {
  switch (issue.code) {
    case 'invalid_type':
      return { code: valueAt(value, issue.path) === undefined ? 'required' : 'invalid_type' }
    case 'too_small': {
      const limit = Number(issue.minimum)
      // An empty text where one is needed is a missing one.
      if (issue.origin === 'string' && limit <= 1) return { code: 'required' }
      const code = BOUND_CODES[issue.origin]?.[0]
      return code ? { code, limit } : {}
    }
    case 'too_big': {
      const code = BOUND_CODES[issue.origin]?.[1]
      return code ? { code, limit: Number(issue.maximum) } : {}
    }
    case 'invalid_format':
      return { code: FORMAT_CODES[issue.format] ?? 'invalid_format' }
    case 'invalid_value':
      return { code: 'invalid_choice' }
    default:
      return {}
  }
}

/** Turns a failed schema check into a 400 that names every offending field. */
function invalid(error: z.ZodError, value: unknown, where: string): Problem {
  const errors = error.issues.flatMap<FieldError>(issue => issue.code === 'unrecognized_keys'
    ? issue.keys.map(key => ({ field: fieldName([...issue.path, key]), message: 'unknown field', code: 'unknown_field' }))
    : [{ field: fieldName(issue.path) || where, message: issue.message, ...codeOf(issue, value) }])
  return badRequest(errors.map(e => `${e.field}: ${e.message}`).join('; '), errors)
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw invalid(parsed.error, value, where)
  return parsed.data
}

/** Refuses text that the database cannot store (server/utils/unstorable-text.ts). */
function assertStorable(value: unknown) {
  const errors = unstorableFields(value)
  if (errors.length) throw badRequest(errors.map(e => `${e.field}: ${e.message}`).join('; '), errors)
}

/** The JSON body, checked against a schema. Oversized bodies get 413, broken JSON 400. */
export async function readBodyAs<T extends z.ZodType>(event: H3Event, schema: T): Promise<z.infer<T>> {
  const type = getRequestHeader(event, 'content-type')
  if (type && !/^application\/([\w.-]+\+)?json\b/i.test(type)) {
    throw new Problem(415, 'Unsupported Media Type', `The request body must be application/json, not ${type}.`)
  }
  const raw = (await readBodyBytes(event)).toString('utf8')
  if (!raw.trim()) throw badRequest('The request needs a JSON body.', [{ field: 'body', message: 'required', code: 'required' }])
  let body: unknown
  try {
    body = JSON.parse(raw)
  }
  catch (error) {
    throw badRequest(`The request body is not valid JSON: ${(error as Error).message}`, [{ field: 'body', message: 'invalid JSON' }])
  }
  const parsed = parseBody(schema, body)
  event.context.validatedBody = parsed
  return parsed
}

/** A body however it came (JSON, or a form's fields): text the database can store, checked against a schema. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  assertStorable(body)
  return parseWith(schema, body, 'body')
}

/** The fields of a form posted without JavaScript, under the same size limit as JSON bodies. */
export async function readFormBody(event: H3Event): Promise<URLSearchParams> {
  const type = getRequestHeader(event, 'content-type') ?? ''
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new Problem(415, 'Unsupported Media Type', 'The request body must be application/x-www-form-urlencoded.')
  }
  return new URLSearchParams((await readBodyBytes(event)).toString('utf8'))
}

declare module 'h3' {
  interface H3EventContext {
    /** The request body as readBodyAs accepted it, for the audit log's summary. */
    validatedBody?: unknown
  }
}

export const routeId = (event: H3Event, name: string): string => parseWith(Id, getRouterParam(event, name), name)

/**
 * A free-text path parameter (a severity's name), decoded once. The path h3 routes by is decoded
 * already, all but `%25` and `%2F` (and `%3F` and `%23`, server/plugins/encoded-delimiters.ts):
 * take the parameter's segment from the path as sent instead.
 */
export function routeText(event: H3Event, name: string): string {
  const index = (event.context.matchedRoute?.path ?? '').split('/').indexOf(`:${name}`)
  const raw = pathAsSent(event).split('/')[index]
  let text: string
  try {
    text = index < 0 || raw === undefined ? getRouterParam(event, name, { decode: true })! : decodeURIComponent(raw)
  }
  catch {
    throw invalidField(name, 'not a valid percent-encoded path segment')
  }
  assertStorable({ [name]: text })
  return text
}

export const routeOrder = (event: H3Event, name: string): number => parseWith(Digits, getRouterParam(event, name), name)

export function queryAs<T extends z.ZodType>(event: H3Event, schema: T): z.infer<T> {
  const query = getQuery(event)
  assertStorable(query)
  return parseWith(schema, query, 'query')
}

/** 201 with the identifying field of what was created. */
export function created<T>(event: H3Event, body: T): T {
  setResponseStatus(event, 201)
  return body
}

export function noContent(event: H3Event) {
  setResponseStatus(event, 204)
  return null
}
