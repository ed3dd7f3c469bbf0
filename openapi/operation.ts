// How an API operation is defined, once: method, path, who may call it, its parameters, body and
// responses. The OpenAPI document (./document.ts), the server's handlers
// (server/utils/operation.ts), the 404/405 table and the client's types (utils/api.ts) are all
// derived from these definitions. Framework-free, so that scripts can build the document under
// plain Node.
import type { z } from 'zod'

export type Method = 'get' | 'post' | 'patch' | 'delete'

/**
 * Who may call an operation.
 * - `anyone`: no credentials needed.
 * - `same-origin`: anyone, but only from the page's own origin (signing in).
 * - `writer`: a read-write token, or a signed-in editor or admin.
 * - `admin`: a signed-in admin, or STATUS_PAGE_ADMIN_TOKEN.
 * - `user`: a signed-in user, not a token.
 * - `session`: whoever holds a session; the handler checks it (signing out).
 */
export type Access = 'anyone' | 'same-origin' | 'writer' | 'admin' | 'user' | 'session'

type Json = Record<string, unknown>

/** A path parameter: its schema in the document and how the server reads it. */
export interface PathParameter {
  /** A named schema, referenced from the document. */
  schema: z.ZodType
  description: string
  /** `id`: a UUID; `order`: decimal digits; `text`: any text, percent-decoded once. */
  read: 'id' | 'order' | 'text'
}

/** A query parameter as the document states it; the operation's query schema checks it. */
export interface QueryParameter {
  name: string
  in: 'query'
  required: boolean
  description: string
  schema: Json
}

export interface RequestBody {
  /** A named schema, referenced from the document. */
  schema: z.ZodObject
  description: string
  /** Any subset of the schema's fields (a PATCH). */
  partial?: boolean
}

/** A response: `data` is wrapped in `{ data }`, `body` is sent as it is. */
export type Reply
  = | { description: string, data: z.ZodType }
    | { description: string, body: z.ZodType }
    | { description: string, content: Json }
    | { description: string, problem?: true }

export interface OperationSpec {
  method: Method
  /** Below /api, with `{name}` for path parameters. */
  path: string
  tags: readonly string[]
  summary: string
  access: Access
  params?: Record<string, PathParameter>
  query?: { schema: z.ZodType, parameters: readonly QueryParameter[] }
  body?: RequestBody
  responses: Record<number, Reply>
  /** Where the operation lives when not below /api. */
  servers?: readonly { url: string }[]
  /**
   * `false` for a write whose result no anonymous reader sees (sessions, users, tokens,
   * templates): it keeps the caches and wakes no open page. Every other write does both.
   */
  changesPublicData?: false
  /**
   * Optimistic concurrency on one resource, whose representation (the `data` of its GET) this
   * schema is: a GET answers with a strong `ETag`; a PATCH or DELETE honours `If-Match` and
   * answers a stale tag with 412 (server/utils/preconditions.ts). An extension of SCS.
   */
  entityTag?: z.ZodType
}

export type Operation = OperationSpec & { operationId: string }

/** Operations keyed by their operation id. */
export function defineOperations<const T extends Record<string, OperationSpec>>(specs: T) {
  return Object.fromEntries(Object.entries(specs).map(([operationId, spec]) => [operationId, { ...spec, operationId }])) as
    { [K in keyof T]: T[K] & { operationId: K } }
}

// Building blocks shared by the definitions.

export const data = <S extends z.ZodType>(description: string, schema: S) => ({ description, data: schema })
export const created = <S extends z.ZodType>(description: string, schema: S) => ({ description, body: schema })
export const noContent = { 204: { description: 'Successful. No Content' } } as const
export const problem = (description: string) => ({ description, problem: true as const })
export const readErrors = { 400: problem('Invalid parameter.') }
export const notFound = { 404: problem('No such resource.') }

export const pathParameter = <R extends PathParameter['read'] = 'id'>(schema: z.ZodType, description: string, read?: R) =>
  ({ schema, description, read: (read ?? 'id') as R })
export const queryParameter = (name: string, schema: Json, description: string, required = false): QueryParameter =>
  ({ name, in: 'query', required, description, schema })
export const body = <S extends z.ZodObject>(schema: S, description: string) => ({ schema, description })
/** The body of a PATCH: any subset of the schema's fields. */
export const changes = <S extends z.ZodObject>(schema: S, description: string) => ({ schema, description, partial: true as const })

// Types derived from a definition, for handlers and the client.

// Unconstrained, so that the client's generic lookups (utils/api.ts) can use them.
type SuccessReply<O> = O extends { responses: infer R } ? R[Extract<keyof R, 200 | 201 | 202 | 204>] : never

/** What a handler returns: the `data` of the envelope, the body of a 201 or 202, nothing for a 204. */
export type HandlerResult<O>
  = SuccessReply<O> extends { data: infer S extends z.ZodType } ? z.output<S>
    : SuccessReply<O> extends { body: infer S extends z.ZodType } ? z.output<S>
      : SuccessReply<O> extends { content: Json } ? unknown
        // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- the handler of a 204 returns nothing
        : void

/** What a client receives on success. */
export type ResponseOf<O>
  = SuccessReply<O> extends { data: infer S extends z.ZodType } ? { data: z.output<S> }
    : SuccessReply<O> extends { body: infer S extends z.ZodType } ? z.output<S>
      : SuccessReply<O> extends { content: Json } ? unknown
        : undefined

export type ParamsOf<O> = O extends { params: infer P extends Record<string, PathParameter> }
  ? { [K in keyof P]: P[K]['read'] extends 'order' ? number : string }
  : Record<string, never>

export type QueryOf<O> = O extends { query: { schema: infer S extends z.ZodType } } ? z.output<S> : undefined

/** The body as a handler gets it, checked. */
export type BodyOf<O> = O extends { body: { schema: infer S extends z.ZodObject, partial: true } } ? Partial<z.output<S>>
  : O extends { body: { schema: infer S extends z.ZodObject } } ? z.output<S>
    : undefined

/** The body as a client sends it. */
export type RequestBodyOf<O> = O extends { body: { schema: infer S extends z.ZodObject, partial: true } } ? Partial<z.input<S>>
  : O extends { body: { schema: infer S extends z.ZodObject } } ? z.input<S>
    : undefined

/** The query as a client sends it: numbers go as their digits. */
export type RequestQueryOf<O> = O extends { query: { schema: infer S extends z.ZodType } }
  ? { [K in keyof z.input<S>]: z.input<S>[K] | (z.input<S>[K] extends string | undefined ? number : never) }
  : undefined
