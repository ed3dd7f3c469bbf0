// The client's access to the API, by operation id: the definition (openapi/operations/) types the
// path parameters, the query, the body and the answer of each call, so a renamed field breaks the
// type check where it is used. Only types come from the definitions; at run time the client
// needs no more than the method and URL of each operation (openapi/routes.ts), not the schemas.
// On the server the request runs in-process, through the same handlers that answer API clients.
import type { ParamsOf, RequestBodyOf, RequestQueryOf, ResponseOf } from '~~/openapi/operation'
import type { OperationId, Operations } from '~~/openapi/operations'
import { routes } from '~~/openapi/routes'

/** One part of a request: required when the operation needs something in it, absent when it takes none. */
type Part<Name extends string, T> = [T] extends [undefined] ? { [P in Name]?: never }
  : Partial<T> extends T ? { [P in Name]?: T } : { [P in Name]: T }

/** What a call of an operation sends. */
export type ApiRequest<K extends OperationId>
  = Part<'params', Operations[K] extends { params: object } ? ParamsOf<Operations[K]> : undefined>
    & Part<'query', RequestQueryOf<Operations[K]>>
    & Part<'body', RequestBodyOf<Operations[K]>>

/** The request as an argument: optional when nothing in it is required. */
export type ApiArgs<R> = Partial<R> extends R ? [request?: R] : [request: R]

/** The body an operation takes, as the client sends it. */
export type ApiBody<K extends OperationId> = RequestBodyOf<Operations[K]>
export type ApiResponse<K extends OperationId> = ResponseOf<Operations[K]>
/** The `data` of a read's envelope. */
export type ApiData<K extends OperationId> = ApiResponse<K> extends { data: infer D } ? D : never

interface UntypedRequest {
  params?: Record<string, string | number>
  query?: Record<string, unknown>
  body?: Record<string, unknown>
}

/** The URL of an operation with its path parameters filled in. */
export function apiUrl(id: OperationId, params: Record<string, string | number> = {}) {
  return routes[id][1].replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])))
}

export interface ApiOptions {
  headers?: Record<string, string>
  /** useRequestFetch() forwards the browser's cookies while rendering on the server. */
  fetch?: ReturnType<typeof useRequestFetch>
}

/** Calls an operation. */
export async function apiFetch<K extends OperationId>(id: K, request: ApiRequest<K>, { headers, fetch = $fetch }: ApiOptions = {}): Promise<ApiResponse<K>> {
  const { params, query, body } = request as UntypedRequest
  const method = routes[id][0].toUpperCase() as Uppercase<(typeof routes)[OperationId][0]>
  return fetch(apiUrl(id, params), { method, query, body, headers }) as Promise<ApiResponse<K>>
}

/** The `data` of a read. */
export async function apiData<K extends OperationId>(id: K, ...[request]: ApiArgs<ApiRequest<K>>): Promise<ApiData<K>> {
  const reply = await apiFetch(id, request ?? {} as ApiRequest<K>) as { data: ApiData<K> }
  return reply.data
}
