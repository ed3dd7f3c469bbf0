// The client's access to the API, typed from the operation definitions (openapi/operations/):
// each path with its method fixes the path parameters, the query, the body and the answer, so a
// renamed field breaks the type check where it is used. On the server the request runs
// in-process, through the same handlers and services that answer API clients.
import type { Method, ParamsOf, RequestBodyOf, RequestQueryOf, ResponseOf } from '~~/openapi/operation'
import type { Operations } from '~~/openapi/operations'

/** The operations below /api (not the health checks, which live at the root). */
type ApiOperations = Exclude<Operations[keyof Operations], { servers: unknown }>

/** The paths of the operations with a method, as the client writes them. */
export type ApiPath<M extends Method> = `/api${Extract<ApiOperations, { method: M }>['path']}`
export type ApiOperation<M extends Method, P extends string> = Extract<ApiOperations, { method: M, path: P extends `/api${infer Path}` ? Path : never }>

/** What a call of an operation sends: the path parameters, the query and the body it needs. */
export type ApiRequest<O>
  = (O extends { params: object } ? { params: ParamsOf<O> } : { params?: undefined })
    & (O extends { query: object } ? Partial<RequestQueryOf<O>> extends RequestQueryOf<O> ? { query?: RequestQueryOf<O> } : { query: RequestQueryOf<O> } : { query?: undefined })
    & (O extends { body: object } ? { body: RequestBodyOf<O> } : { body?: undefined })

/** The request as an argument: optional when nothing in it is required. */
export type ApiArgs<R> = Partial<R> extends R ? [request?: R] : [request: R]

export type ApiData<P extends ApiPath<'get'>> = ResponseOf<ApiOperation<'get', P>> extends { data: infer D } ? D : never

/** The URL of a path with its parameters filled in. */
export const apiUrl = (path: string, params: Record<string, string | number> = {}) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])))

interface FetchOptions {
  headers?: Record<string, string>
  /** useRequestFetch() forwards the browser's cookies while rendering on the server. */
  fetch?: typeof $fetch
}

/** Calls an operation. */
export async function apiFetch<M extends Method, P extends ApiPath<M>>(
  method: M, path: P, request: ApiRequest<ApiOperation<M, P>>, { headers, fetch = $fetch }: FetchOptions = {},
): Promise<ResponseOf<ApiOperation<M, P>>> {
  const { params, query, body } = request as { params?: Record<string, string | number>, query?: Record<string, unknown>, body?: Record<string, unknown> }
  return fetch(apiUrl(path, params), { method: method.toUpperCase() as Uppercase<Method>, query, body, headers }) as Promise<ResponseOf<ApiOperation<M, P>>>
}

/** The `data` of a read. */
export async function apiData<P extends ApiPath<'get'>>(path: P, ...[request]: ApiArgs<ApiRequest<ApiOperation<'get', P>>>): Promise<ApiData<P>> {
  const reply = await apiFetch('get', path, request ?? {} as ApiRequest<ApiOperation<'get', P>>) as { data: ApiData<P> }
  return reply.data
}
