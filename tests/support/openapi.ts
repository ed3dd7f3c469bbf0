// Reading OpenAPI documents in tests: the SCS reference document (when it is at hand) and the
// operations of a document, with their path, method, status codes and parameters.
import { existsSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'

export type OpenApiDocument = { openapi: string, paths: Record<string, Record<string, any>>, [key: string]: any }

export interface Operation {
  operationId: string
  path: string
  method: string
  statuses: string[]
  /** `in:name` of every parameter, path-level ones included. */
  parameters: string[]
  secured: boolean
  tags: string[]
}

// The SCS document lies beside the project in the development and CI setups (../shared/reference);
// it is reference material and not part of the repository.
const scsPath = new URL('../../../shared/reference/scs-status-page-openapi-1.1.2.yaml', import.meta.url)

export const scsDocument: OpenApiDocument | undefined = existsSync(scsPath) ? parse(readFileSync(scsPath, 'utf8')) : undefined

const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace']

/** Follows a local `$ref` such as `#/components/parameters/X`. */
const resolve = (document: OpenApiDocument, node: any): any =>
  node?.$ref ? node.$ref.slice(2).split('/').reduce((at: any, key: string) => at[key], document) : node

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) => methods.filter(method => item[method]).map((method) => {
    const operation = item[method]
    const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p: any) => resolve(document, p))
    return {
      operationId: operation.operationId,
      path,
      method,
      statuses: Object.keys(operation.responses ?? {}),
      parameters: parameters.map((p: any) => `${p.in}:${p.name}`),
      secured: (operation.security ?? document.security ?? []).length > 0,
      tags: operation.tags ?? [],
    }
  }))
}
