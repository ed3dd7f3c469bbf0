// A small client for the API tests: requests against the server the project started, and a
// check of every response against the OpenAPI document (ours, and SCS's where it is at hand).
import { existsSync, readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { inject } from 'vitest'
import { parse } from 'yaml'
import { buildOpenApiDocument } from '../../openapi/document'

export interface Reply<T = any> {
  status: number
  headers: Headers
  body: T
}

export const tokens = {
  get admin() { return inject('adminToken') },
  get readWrite() { return inject('readWriteToken') },
  get readOnly() { return inject('readOnlyToken') },
}

interface RequestOptions {
  body?: unknown
  /** A raw body, sent as it is (for broken JSON and the like). */
  raw?: string
  token?: string | null
  headers?: Record<string, string>
}

/** Any request; writes carry the admin token unless `token` says otherwise (null: none). */
export async function request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers }
  const token = options.token === undefined ? (method === 'GET' ? null : tokens.admin) : options.token
  if (token) headers.authorization = `Bearer ${token}`
  let payload = options.raw
  if (options.body !== undefined) {
    payload = JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  const response = await fetch(`${inject('baseUrl')}${path}`, { method, headers, body: payload })
  const text = await response.text()
  const type = response.headers.get('content-type') ?? ''
  const body = text && type.includes('json') ? JSON.parse(text) : text
  return { status: response.status, headers: response.headers, body }
}

export const get = <T = any>(path: string, options?: RequestOptions) => request<T>('GET', path, options)
export const post = <T = any>(path: string, body: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body })
export const patch = (path: string, body: unknown, options?: RequestOptions) => request('PATCH', path, { ...options, body })
export const del = (path: string, options?: RequestOptions) => request('DELETE', path, options)

// Response schemas, looked up by operation id and status.

type OpenApi = { paths: Record<string, Record<string, any>> }

function responseValidators(document: OpenApi, id: string, ajv: Ajv) {
  ajv.addSchema(document as object, id)
  const validators = new Map<string, ValidateFunction>()
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      for (const [status, entry] of Object.entries<any>(operation?.responses ?? {})) {
        // SCS keeps its responses in components/responses and refers to them.
        const at = entry.$ref ? entry.$ref.slice(2).split('/') : ['paths', path, method, 'responses', status]
        const response = at.reduce((node: any, key: string) => node[key], document)
        const media = Object.keys(response.content ?? {})[0]
        if (!media) continue
        const pointer = [...at, 'content', media, 'schema']
          .map((part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')
        validators.set(`${operation.operationId} ${status}`, ajv.getSchema(`${id}#/${pointer}`)!)
      }
    }
  }
  return validators
}

const newAjv = () => {
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats.default(ajv)
  return ajv
}

const ours = responseValidators(buildOpenApiDocument() as OpenApi, 'ours', newAjv())

// The SCS document lies beside the project in the development and CI setups (../shared/reference);
// it is reference material and not part of the repository.
const scsPath = new URL('../../../shared/reference/scs-status-page-openapi-1.1.2.yaml', import.meta.url)
const scs = existsSync(scsPath) ? responseValidators(parse(readFileSync(scsPath, 'utf8')), 'scs', newAjv()) : undefined
export const scsDocumentAvailable = scs !== undefined

/**
 * Asserts the status and checks the body against the response schema of the operation, in our
 * document (strict: no unknown fields, null only where nullable) and in the SCS document.
 */
export function expectResponse<T>(reply: Reply<T>, operationId: string, status: number): T {
  if (reply.status !== status) {
    throw new Error(`${operationId}: expected status ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`)
  }
  for (const [name, validators] of [['our', ours], ['SCS', scs]] as const) {
    if (!validators) continue
    // Our extensions (health, settings, events …) are not SCS operations.
    const known = [...validators.keys()].some(key => key.startsWith(`${operationId} `))
    if (!known && name === 'SCS') continue
    const validate = validators.get(`${operationId} ${status}`)
    if (!validate && status >= 400) continue
    if (!validate) {
      if (reply.body === '' || reply.body === undefined) continue
      throw new Error(`${operationId} ${status}: the ${name} document defines no body, got ${JSON.stringify(reply.body)}`)
    }
    if (!validate(reply.body)) {
      throw new Error(`${operationId} ${status}: body does not match the ${name} schema: ${JSON.stringify(validate.errors)}\n${JSON.stringify(reply.body)}`)
    }
  }
  return reply.body
}

/** Asserts a problem+json error with the status, naming the field when one is given. */
export function expectProblem(reply: Reply<any>, status: number, field?: string) {
  if (reply.status !== status) throw new Error(`expected status ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`)
  const type = reply.headers.get('content-type') ?? ''
  if (!type.startsWith('application/problem+json')) throw new Error(`expected application/problem+json, got ${type}`)
  const body = reply.body as { status: number, errors?: { field: string, message: string }[] }
  if (!ours.get('createIncident 400')!(body)) throw new Error(`not a problem document: ${JSON.stringify(body)}`)
  if (body.status !== status) throw new Error(`problem status ${body.status} differs from ${status}`)
  if (field && !body.errors?.some(e => e.field === field)) {
    throw new Error(`expected an error naming "${field}", got ${JSON.stringify(body)}`)
  }
  return body
}
