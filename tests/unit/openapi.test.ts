import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from '../../openapi/document'
import { routesModule } from '../../openapi/routes-module'
import { expectResponse, type Reply } from '../api/client'
import { operationsOf, scsDocument, type OpenApiDocument } from '../support/openapi'

const committedPath = new URL('../../openapi/openapi.json', import.meta.url)
const committed = () => JSON.parse(readFileSync(committedPath, 'utf8')) as OpenApiDocument
const built = () => JSON.parse(JSON.stringify(buildOpenApiDocument())) as OpenApiDocument

const id = '6f1c1b3e-8f5a-4c3e-9a57-2f8d0e6b1a42'

describe('the committed openapi/openapi.json', () => {
  it('is what the schemas build', () => {
    expect(committed(), 'openapi/openapi.json is out of date: run `npm run openapi` after changing openapi/schemas.ts or openapi/document.ts, and commit the result').toEqual(built())
  })
})

describe('the committed openapi/routes.ts', () => {
  it('is what the operation definitions give', () => {
    const committedRoutes = readFileSync(new URL('../../openapi/routes.ts', import.meta.url), 'utf8')
    expect(committedRoutes, 'openapi/routes.ts is out of date: run `npm run openapi` after changing openapi/operations/, and commit the result').toBe(routesModule())
  })
})

describe('our OpenAPI document', () => {
  it.skipIf(!scsDocument)('has every SCS 1.1.2 operation, with the same path and method', () => {
    const ours = new Map(operationsOf(built()).map(operation => [operation.operationId, operation]))
    const scs = operationsOf(scsDocument!)
    expect(scs.map(operation => operation.operationId)).toContain('getIncidentUpdate')
    const mismatches = scs
      .filter(operation => ours.get(operation.operationId)?.path !== operation.path || ours.get(operation.operationId)?.method !== operation.method)
      .map(operation => `${operation.operationId}: SCS ${operation.method} ${operation.path}, ours ${ours.get(operation.operationId)?.method} ${ours.get(operation.operationId)?.path}`)
    expect(mismatches).toEqual([])
  })

  it('uses every operation id once', () => {
    const ids = operationsOf(built()).map(operation => operation.operationId)
    expect(ids.length).toBeGreaterThan(0)
    expect(new Set(ids).size).toBe(ids.length)
  })

  // A negative control for the API tests: the checks they rely on must be able to fail.
  describe('rejects what the API must not answer (getImpactType 200)', () => {
    const ajv = new Ajv({ strict: false, allErrors: true })
    addFormats.default(ajv)
    ajv.addSchema(committed() as object, 'committed')
    const validate = ajv.getSchema('committed#/paths/~1impacttypes~1{impactTypeId}/get/responses/200/content/application~1json/schema')!

    const valid = { data: { id, displayName: 'Performance', description: 'Slower than usual.' } }
    const reply = (body: unknown, status = 200): Reply => ({ status, headers: new Headers(), body })

    it('accepts a valid body, with and without a description', () => {
      expect(validate(valid)).toBe(true)
      expect(validate({ data: { id, displayName: 'Performance' } })).toBe(true)
      expect(expectResponse(reply(valid), 'getImpactType', 200)).toEqual(valid)
    })

    it.each([
      ['an extra field', { data: { ...valid.data, severity: 50 } }],
      ['description: null', { data: { ...valid.data, description: null } }],
      ['no displayName', { data: { id } }],
      ['an id that is no UUID', { data: { ...valid.data, id: 'performance' } }],
      ['the object without the data wrapper', valid.data],
    ])('rejects %s, directly and through expectResponse', (_, body) => {
      expect(validate(body)).toBe(false)
      expect(() => expectResponse(reply(body), 'getImpactType', 200)).toThrow(/does not match the our schema/)
    })

    it('fails expectResponse on another status, or a body where the document has none', () => {
      expect(() => expectResponse(reply(valid, 201), 'getImpactType', 200)).toThrow(/expected status 200, got 201/)
      expect(() => expectResponse(reply({ ok: true }, 204), 'deleteImpactType', 204)).toThrow(/defines no body/)
    })
  })
})
