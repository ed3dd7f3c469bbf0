// fast-check arbitraries for the fuzzer, derived from the OpenAPI document: request bodies from
// their JSON schemas, parameters from their names. Ids and names of things that exist are not
// known when values are generated, so they are drawn as `Pick`s and resolved when sent.
import fc from 'fast-check'
import type { OpenApiDocument } from '../../support/openapi'

type Schema = Record<string, any>

/** A stand-in for an existing id or name of a `pool`, resolved against the model when sent. */
export class Pick {
  constructor(readonly pool: string, readonly index: number) {}
}

/** Strings that broke or nearly broke the server once: each must be a 4xx or stored as given. */
export const hostileStrings = [
  '', ' ', 'a\u0000b', '\ud800', 'x\udc00', '__proto__', 'constructor', 'a/b?c#d', '%2F', '%00', '..',
  '\u202e', '🔥', 'x'.repeat(201), '0001-01-01T00:00:00Z', 'null', '-1', '1e3',
]

const hostile = fc.constantFrom(...hostileStrings)
const text = (minLength = 0, maxLength = 30) => fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength, maxLength: Math.min(maxLength, 30) }) },
  { weight: 2, arbitrary: fc.string({ minLength, maxLength: Math.min(maxLength, 12), unit: 'grapheme' }) },
  { weight: 1, arbitrary: hostile },
)

const year = fc.oneof(fc.integer({ min: 2020, max: 2040 }), fc.integer({ min: 1, max: 9999 }))
const pad = (n: number, size = 2) => String(n).padStart(size, '0')
/** RFC 3339 instants, mostly valid, some at or past the edges the API accepts. */
export const instant = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 86_399 }), fc.constantFrom('Z', '+02:00', '-05:30'))
    .map(([y, m, d, s, zone]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}${zone}`) },
  { weight: 1, arbitrary: fc.constantFrom('0000-12-31T23:59:59Z', '9999-12-31T23:59:59.999Z', '9999-12-31T23:00:00-12:00', '2030-02-30T00:00:00Z', '2030-01-01T24:00:00Z', '2030-01-01', 'now') },
  { weight: 1, arbitrary: hostile },
)

const pools: Record<string, string> = { reference: 'components', type: 'impactTypes', componentId: 'components', impactTypeId: 'impactTypes', incidentId: 'incidents', templateId: 'templates', userId: 'users', webhookId: 'webhooks' }

const pick = (pool: string) => fc.nat(50).map(index => new Pick(pool, index))
const uuidOf = (pool: string) => fc.oneof({ weight: 6, arbitrary: pick(pool) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostile })

/** Values of a JSON schema (OpenAPI 3.0 flavour, as zod writes it); `name` is the property's. */
export function fromSchema(document: OpenApiDocument, schema: Schema, name = ''): fc.Arbitrary<unknown> {
  if (schema.$ref) return fromSchema(document, document.components.schemas[schema.$ref.split('/').pop()], name)
  const base = valuesOf(document, schema, name)
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base
}

function valuesOf(document: OpenApiDocument, schema: Schema, name: string): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) return fc.oneof(...alternatives.map((s: Schema) => fromSchema(document, s, name)))
  if (schema.allOf) return fromSchema(document, schema.allOf[0], name)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  switch (schema.type) {
    case 'object': {
      if (schema.properties) {
        const properties = Object.fromEntries(Object.entries<Schema>(schema.properties)
          .filter(([, property]) => !property.readOnly)
          .map(([key, property]) => [key, fromSchema(document, property, key)]))
        return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key: string) => key in properties) })
      }
      const values = schema.additionalProperties === true || !schema.additionalProperties ? text() : fromSchema(document, schema.additionalProperties)
      return fc.dictionary(text(1, 20), values, { maxKeys: 4 })
    }
    case 'array':
      return fc.array(fromSchema(document, schema.items, name), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) })
    case 'integer':
    case 'number':
      if (name === 'generation') return fc.oneof(pick('generations'), fc.integer({ min: -1, max: 3 }))
      if (name === 'order') return fc.integer({ min: -1, max: 4 })
      return fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1000, 1000) }) },
        { weight: 1, arbitrary: fc.constantFrom(-1, 2 ** 31, 1.5, 1e300) },
      )
    case 'boolean':
      return fc.boolean()
    case 'string':
      if (schema.format === 'uuid') return uuidOf(pools[name] ?? 'anyId')
      if (schema.format === 'date-time') return instant
      if (schema.format === 'email') return fc.oneof(fc.emailAddress(), hostile)
      if (schema.pattern) return fc.constantFrom('/logo.png', 'https://example.com/x', 'mailto:ops@example.com', 'data:image/png;base64,AAAA', '//evil.example', 'javascript:alert(1)')
      return text(schema.minLength ?? 0, schema.maxLength ?? 100)
    default:
      return fc.oneof(text(), fc.integer(), fc.constant(null))
  }
}

/**
 * A value for a path or query parameter, by its name. Never empty in a path, where it would
 * address another operation (`/severities/` is the list).
 */
export const pathValue = (name: string) => parameterValue(name).filter(value => value !== '' && !(typeof value === 'string' && value.startsWith('?')))

/** A value for a query parameter, by its name. */
export function parameterValue(name: string): fc.Arbitrary<string | Pick> {
  if (pools[name]) return uuidOf(pools[name]).map(v => v instanceof Pick ? v : String(v))
  switch (name) {
    case 'severityName': return fc.oneof({ weight: 4, arbitrary: pick('severities') }, { weight: 1, arbitrary: text(0, 20) })
    case 'tokenName': return fc.oneof({ weight: 3, arbitrary: pick('tokens') }, { weight: 1, arbitrary: text(0, 20) })
    case 'updateOrder': return fc.oneof(fc.nat(4).map(String), fc.constantFrom('-1', '01', '1e1', '2147483648', 'x'))
    case 'at': case 'start': case 'end': case 'since': case 'until': return instant
    case 'generation': case 'before': case 'limit': return fc.oneof(fc.nat(5).map(String), fc.constantFrom('0', '-1', 'x', '99999999999'))
    default: return text(0, 20)
  }
}
