// The fuzzer: generated valid and invalid requests for every operation of the OpenAPI document,
// checked for no 5xx, no dropped connection, answers valid by our schema and SCS's, and reads
// that agree with a model of the expected state (./fuzz/model.ts). It runs for FUZZ_SECONDS
// (60 by default; `npm run fuzz` runs longer).
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import fc from 'fast-check'
import { afterAll, expect, inject, it } from 'vitest'
import { buildOpenApiDocument } from '../../openapi/document'
import { operationsOf, type OpenApiDocument, type Operation } from '../support/openapi'
import { expectResponse, tokens, type Reply } from './client'
import { fromSchema, parameterValue, pathValue, Pick } from './fuzz/arbitraries'
import { applyWrite, Model, settle, type Instant } from './fuzz/model'

const SECONDS = Number(process.env.FUZZ_SECONDS ?? 60)
const document = buildOpenApiDocument() as unknown as OpenApiDocument

interface Target extends Operation {
  /** Where the path lives: `/api`, or `/` for the health endpoints. */
  base: string
  bodySchema?: Record<string, any>
  query: string[]
  serverErrors: number[]
}

// Every operation of the document, but the event stream, which never ends.
const targets: Target[] = operationsOf(document)
  .filter(op => !document.paths[op.path]![op.method].responses?.['200']?.content?.['text/event-stream'])
  .map(op => ({
    ...op,
    base: document.paths[op.path]!.servers?.[0]?.url ?? '/api',
    bodySchema: document.paths[op.path]![op.method].requestBody?.content?.['application/json']?.schema,
    // A 5xx an operation documents is its promise (subscribing without SMTP set up: 503).
    serverErrors: Object.keys(document.paths[op.path]![op.method].responses ?? {}).filter(status => status.startsWith('5')).map(Number),
    query: op.parameters.filter(p => p.startsWith('query:')).map(p => p.slice('query:'.length)),
  }))

// Request bodies are checked against our document too: one it calls invalid must be refused.
const ajv = new Ajv({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addSchema(document, 'doc')
const bodyValidator = (schema: Record<string, any>) => ajv.compile({ $ref: `doc${schema.$ref}` })

type Auth = 'admin' | 'readWrite' | 'readOnly' | 'none' | 'unknown'
interface Command {
  target: Target
  params: Record<string, string | Pick>
  query: Record<string, string | Pick | undefined>
  body?: { json: unknown } | { raw: string, type: string }
  auth: Auth
}

const mutated = (value: fc.Arbitrary<unknown>) => fc.tuple(value, fc.nat(), fc.constantFrom<unknown>('\u0000', '\ud800', 12, null, {}, [], 'x'.repeat(300), true))
  .map(([body, n, junk]) => {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return junk
    const keys = Object.keys(body)
    const copy: Record<string, unknown> = { ...body }
    if (n % 3 === 0 || keys.length === 0) copy[`unknown${n % 5}`] = junk
    else if (n % 3 === 1) return Object.fromEntries(Object.entries(copy).filter(([key]) => key !== keys[n % keys.length]))
    else copy[keys[n % keys.length]!] = junk
    return copy
  })

const rawBodies = fc.record({
  raw: fc.constantFrom('', '{', 'null', '[]', '"x"', '{"a":1}', '{"displayName":"x"}{', '\u0000'),
  type: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
})

function commandOf(target: Target): fc.Arbitrary<Command> {
  const pathNames = target.parameters.filter(p => p.startsWith('path:')).map(p => p.slice('path:'.length))
  const params = fc.record(Object.fromEntries(pathNames.map(name => [name, pathValue(name)])))
  const query = fc.record(Object.fromEntries(target.query.map(name => [name, parameterValue(name)])), { requiredKeys: [] })
  const valid = target.bodySchema ? fromSchema(document, target.bodySchema) : fc.constant(undefined)
  // A sign-in that could succeed or fail by its password would count against the sign-in limits
  // of the address all tests share; only bodies that fail validation are sent there.
  const signIn = target.operationId === 'signIn'
  const body = target.bodySchema
    ? fc.oneof(
        { weight: signIn ? 0 : 6, arbitrary: valid.map(json => ({ json })) },
        { weight: 2, arbitrary: mutated(valid).map(json => ({ json })) },
        { weight: 1, arbitrary: rawBodies },
      ).map(b => signIn && 'json' in b ? { json: { ...(b.json as object), password: 0 } } : b)
    : fc.constant(undefined)
  const auth = fc.constantFrom<Auth>('admin', 'admin', 'admin', 'admin', 'admin', 'admin', 'readWrite', 'readOnly', 'none', 'unknown')
  return fc.record({ params, query, body, auth }).map(parts => Object.assign({ target, ...parts }, {
    // Counterexamples name the operation instead of printing its whole description.
    [fc.toStringMethod]: () => `${target.operationId} ${fc.stringify(parts)}`,
  }))
}

const command = fc.oneof(...targets.map(commandOf))

/** Replaces every Pick with an existing id or name of its pool, or a fresh UUID when it is empty. */
function resolve(model: Model, value: unknown): unknown {
  if (value instanceof Pick) {
    const pool = model.pool(value.pool)
    return pool.length ? pool[value.index % pool.length] : crypto.randomUUID()
  }
  if (Array.isArray(value)) return value.map(item => resolve(model, item))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(model, item)]))
  return value
}

const bearer: Record<Auth, () => string | undefined> = {
  admin: () => tokens.admin,
  readWrite: () => tokens.readWrite,
  readOnly: () => tokens.readOnly,
  none: () => undefined,
  unknown: () => 'scs_not-a-token-of-this-server',
}

async function send(method: string, path: string, init: { body?: string, type?: string, token?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = {}
  if (init.token) headers.authorization = `Bearer ${init.token}`
  if (init.type) headers['content-type'] = init.type
  let response: Response
  try {
    response = await fetch(`${inject('baseUrl')}${path}`, { method: method.toUpperCase(), headers, body: init.body, redirect: 'manual' })
  }
  catch (error) {
    throw new Error(`${method.toUpperCase()} ${path}: the connection failed: ${(error as Error).message}`, { cause: error })
  }
  const text = await response.text()
  const type = response.headers.get('content-type') ?? ''
  return { status: response.status, headers: response.headers, body: text && type.includes('json') ? JSON.parse(text) : text }
}

// A lone surrogate has no UTF-8 form, so encodeURIComponent refuses it; send the bytes a careless
// client would (its WTF-8 form), which the server must refuse.
const encodeSegment = (text: string) => [...text].map((char) => {
  const unit = char.charCodeAt(0)
  if (char.length > 1 || unit < 0xD800 || unit > 0xDFFF) return encodeURIComponent(char)
  return [0xE0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3F), 0x80 | (unit & 0x3F)].map(byte => `%${byte.toString(16).toUpperCase()}`).join('')
}).join('')

const seen = new Map<string, number>()

async function execute(model: Model, cmd: Command) {
  const { target } = cmd
  const params = resolve(model, cmd.params) as Record<string, unknown>
  const query = resolve(model, cmd.query) as Record<string, unknown>
  const path = target.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(String(params[name])))
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()
  const url = `${target.base === '/' ? '' : target.base}${path}${search ? `?${search}` : ''}`
  const body = cmd.body && ('json' in cmd.body
    ? { json: resolve(model, cmd.body.json), text: JSON.stringify(resolve(model, cmd.body.json)), type: 'application/json' }
    : { json: undefined, text: cmd.body.raw, type: cmd.body.type })
  const from = Date.now()
  const reply = await send(target.method, url, { body: body?.text, type: body?.type, token: bearer[cmd.auth]() })
  const window = { from, to: Date.now() }
  const what = `${target.operationId} ${target.method.toUpperCase()} ${url} ${body?.text ?? ''} (${cmd.auth})`
  seen.set(target.operationId, (seen.get(target.operationId) ?? 0) + 1)

  if (!target.serverErrors.includes(reply.status)) expect(reply.status, `${what} → ${JSON.stringify(reply.body)}`).toBeLessThan(500)
  try {
    expectResponse(reply, target.operationId, reply.status)
  }
  catch (error) {
    throw new Error(`${what}: ${(error as Error).message}`, { cause: error })
  }
  const accepted = reply.status >= 200 && reply.status < 300
  if (target.bodySchema && body && accepted) {
    const validate = bodyValidator(target.bodySchema)
    const json = body.type === 'application/json' ? safeParse(body.text) : undefined
    // A PATCH takes any subset of the fields the document requires on create.
    const errors = json === undefined || validate(json) ? [] : validate.errors!.filter(e => !(target.method === 'patch' && e.keyword === 'required'))
    expect(json !== undefined && errors.length === 0, `${what} was accepted, but our document calls its body invalid: ${JSON.stringify(errors)}`).toBe(true)
  }
  if (accepted && target.method !== 'get') {
    applyWrite(model, target.operationId, params as Record<string, string>, (body?.json ?? {}) as Record<string, any>, reply.body, window)
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  }
  catch {
    return undefined
  }
}

const read = async (path: string) => {
  const reply = await send('get', path)
  expect(reply.status, `GET ${path}`).toBe(200)
  return reply.body.data
}

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map(item => [item.id, item]))
const sortedEntries = (labels: Record<string, string>) => Object.entries(labels).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
const impactKey = (i: { reference: string, type: string }) => `${i.reference} ${i.type}`
const sortImpacts = <T extends { reference: string, type: string }>(list: T[]) => [...list].sort((a, b) => impactKey(a) < impactKey(b) ? -1 : 1)
const ALL_TIME = '?start=0001-01-01T00:00:00Z&end=9999-12-31T23:59:59.999Z'

/** The server's state, in the model's shape, with instants from the clock pinned where they fit. */
async function readState(model: Model) {
  const [components, impactTypes, severities, phases, incidents] = await Promise.all([
    read('/api/components'), read('/api/impacttypes'), read('/api/severities'), read('/api/phases'), read(`/api/incidents${ALL_TIME}`),
  ])
  const updates = new Map<string, any[]>()
  for (const [id, incident] of model.incidents) {
    if (incident.updates) updates.set(id, await read(`/api/incidents/${id}/updates`).catch(() => []))
  }
  const server = {
    components: [...byId(components)].map(([id, c]: [string, any]) => ({ id, displayName: c.displayName, labels: sortedEntries(c.labels) })),
    impactTypes: [...byId(impactTypes)].map(([id, t]: [string, any]) => ({ id, displayName: t.displayName, description: t.description })),
    severities: severities.map((s: any) => [s.displayName, s.value]).sort(),
    phases,
    incidents: incidents.map((i: any) => ({ ...i, affects: sortImpacts(i.affects), updates: [...i.updates].sort((a: number, b: number) => a - b) })),
    updates: Object.fromEntries([...updates].map(([id, list]) => [id, list])),
  }
  const pin = (instant: Instant, value: string | undefined) => value === undefined ? instant : settle(instant, value)
  const serverIncidents = byId<any>(server.incidents)
  const expected = {
    components: [...model.components].map(([id, c]) => ({ id, displayName: c.displayName, labels: sortedEntries(c.labels) })),
    impactTypes: [...model.impactTypes].map(([id, t]) => ({ id, ...t })),
    severities: [...model.severities].sort(),
    phases: model.phases,
    incidents: [...model.incidents].map(([id, i]) => ({
      id, displayName: i.displayName, ...(i.description !== undefined && { description: i.description }),
      beganAt: pin(i.beganAt, serverIncidents.get(id)?.beganAt), endedAt: i.endedAt, ...(i.phase && { phase: i.phase }),
      affects: sortImpacts(i.affects), updates: i.updates ? [...i.updates.keys()].sort((a, b) => a - b) : serverIncidents.get(id)?.updates,
    })),
    updates: Object.fromEntries([...model.incidents].filter(([, i]) => i.updates).map(([id, i]) => [id, [...i.updates!].sort(([a], [b]) => a - b).map(([order, u]) => ({
      order, displayName: u.displayName, ...(u.description !== undefined && { description: u.description }),
      createdAt: pin(u.createdAt, updates.get(id)?.find((s: any) => s.order === order)?.createdAt),
    }))])),
  }
  const sortById = (list: { id: string }[]) => [...list].sort((a, b) => a.id < b.id ? -1 : 1)
  for (const key of ['components', 'impactTypes', 'incidents'] as const) {
    server[key] = sortById(server[key]) as any
    expected[key] = sortById(expected[key]) as any
  }
  return { server, expected }
}

/** Compares the model with the server; reads may lag a write by a bounded time, so it retries briefly. */
async function expectAgreement(model: Model) {
  for (let attempt = 0; ; attempt++) {
    const { server, expected } = await readState(model)
    if (attempt >= 6 || JSON.stringify(server) === JSON.stringify(expected)) {
      expect(server).toEqual(expected)
      break
    }
    await new Promise(resolve => setTimeout(resolve, 500))
  }
  // Pin what the server took from its clock, now that it is known to fit.
  const { server } = await readState(model)
  for (const incident of server.incidents) {
    const modelled = model.incidents.get(incident.id)
    if (modelled && typeof modelled.beganAt !== 'string') modelled.beganAt = incident.beganAt
  }
  for (const [id, list] of Object.entries(server.updates)) {
    for (const update of list) {
      const modelled = model.incidents.get(id)?.updates?.get(update.order)
      if (modelled && typeof modelled.createdAt !== 'string') modelled.createdAt = update.createdAt
    }
  }
}

/** The model, from what the server holds before the fuzzer starts. */
async function snapshot(): Promise<Model> {
  const model = new Model()
  for (const c of await read('/api/components')) model.components.set(c.id, { displayName: c.displayName, labels: c.labels })
  for (const t of await read('/api/impacttypes')) model.impactTypes.set(t.id, { displayName: t.displayName, description: t.description })
  for (const s of await read('/api/severities')) model.severities.set(s.displayName, s.value)
  model.phases = await read('/api/phases')
  for (const i of await read(`/api/incidents${ALL_TIME}`)) {
    model.incidents.set(i.id, { displayName: i.displayName, description: i.description, beganAt: i.beganAt, endedAt: i.endedAt, phase: i.phase, affects: i.affects, nextOrder: Number.NaN })
  }
  return model
}

let model: Model
let settings: unknown

// What the fuzzer created goes again, so the files after it find the server as it was.
afterAll(async () => {
  if (!model) return
  const admin = { token: tokens.admin }
  await send('patch', '/api/settings', { body: JSON.stringify(settings), type: 'application/json', ...admin })
  for (const id of model.pool('incidents')) await send('delete', `/api/incidents/${id}`, admin)
  for (const id of model.pool('components')) await send('delete', `/api/components/${id}`, admin)
  for (const id of model.pool('impactTypes')) await send('delete', `/api/impacttypes/${id}`, admin)
  for (const name of model.pool('severities')) await send('delete', `/api/severities/${encodeURIComponent(String(name))}`, admin)
  for (const id of model.created.templates) await send('delete', `/api/templates/${id}`, admin)
  for (const id of model.created.webhooks) await send('delete', `/api/webhooks/${id}`, admin)
  for (const name of model.created.tokens) await send('delete', `/api/tokens/${encodeURIComponent(name)}`, admin)
  for (const id of model.created.users) await send('patch', `/api/users/${id}`, { body: '{"disabled":true}', type: 'application/json', ...admin })
}, 120_000)

it(`answers generated requests for every operation within the API's promises (${SECONDS} s)`, async () => {
  settings = await read('/api/settings')
  model = await snapshot()
  await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
    for (const cmd of commands) await execute(model, cmd)
    await expectAgreement(model)
  }), { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false, endOnFailure: true })
  console.info(`fuzzer (${inject('database')}): ${[...seen.values()].reduce((a, b) => a + b, 0)} requests; by operation: ${JSON.stringify(Object.fromEntries(seen))}`)
  expect(targets.length).toBeGreaterThan(30)
}, SECONDS * 1000 + 180_000)
