// Hostile and unusual input: characters PostgreSQL cannot store are a 400, never a 500, and the
// valid SCS input that strict checks used to refuse (null dates, any severity name, early years,
// any label key) is accepted and read back as given.
import { afterAll, describe, expect, it } from 'vitest'
import { del, expectProblem, expectResponse, get, patch, post, request, tokens } from './client'
import { createComponent, createImpactType, createIncident, createIncidentUpdate, query, uniqueName } from './fixtures'
import { freeSeverityValues, severityJanitor } from './severity-fixtures'

const severities = severityJanitor()
afterAll(() => severities.cleanup())

/** A JSON body sent as written, so `\ud800` reaches the server as a lone surrogate escape. */
const rawJson = (method: string, path: string, json: string) =>
  request(method, path, { raw: json, headers: { 'content-type': 'application/json' } })

const readComponent = async (id: string) => expectResponse(await get(`/api/components/${id}`), 'getComponent', 200).data
const readIncident = async (id: string) => expectResponse(await get(`/api/incidents/${id}`), 'getIncident', 200).data

describe('NUL characters and lone surrogates', () => {
  it('in a string field of a PATCH: 400 naming the field, and nothing changes', async () => {
    const id = await createImpactType({ description: 'Kept.' })
    expectProblem(await patch(`/api/impacttypes/${id}`, { description: 'a\u0000b' }), 400, 'description')
    expectProblem(await rawJson('PATCH', `/api/impacttypes/${id}`, '{"description":"a\\ud800b"}'), 400, 'description')
    expectProblem(await rawJson('PATCH', `/api/impacttypes/${id}`, '{"description":"\\udc00"}'), 400, 'description')
    const { data } = expectResponse(await get(`/api/impacttypes/${id}`), 'getImpactType', 200)
    expect(data.description).toBe('Kept.')
  })

  it('in a label value or key: 400 naming the labels, and nothing is created', async () => {
    const name = uniqueName('Surrogate')
    expectProblem(await rawJson('POST', '/api/components', `{"displayName":"${name}","labels":{"x":"\\ud800"}}`), 400, 'labels.x')
    expectProblem(await post('/api/components', { displayName: name, labels: { 'a\u0000': 'x' } }), 400, 'labels')
    const { data } = expectResponse(await get('/api/components'), 'getComponents', 200)
    expect(data.some((c: { displayName: string }) => c.displayName === name)).toBe(false)
  })

  it('in nested fields: 400 naming the path', async () => {
    const incident = await createIncident()
    expectProblem(await post(`/api/incidents/${incident}/updates`, { displayName: 'x\u0000' }), 400, 'displayName')
    expectProblem(await post('/api/phases', { phases: ['ok', 'bad\u0000'] }), 400, 'phases[1]')
  })

  it('in a path segment or a query value: 400 naming the parameter', async () => {
    expectProblem(await get('/api/severities/%00'), 400, 'severityName')
    expectProblem(await patch('/api/severities/a%00', { value: 1 }), 400, 'severityName')
    expectProblem(await del('/api/severities/%ED%A0%80'), 400, 'severityName')
    expectProblem(await get(`/api/components${query({ at: '2030-01-01T00:00:00Z\u0000' })}`), 400, 'at')
    expectProblem(await del('/api/tokens/%00'), 400, 'tokenName')
    expectProblem(await get('/api/audit?actor=%00', { token: tokens.admin }), 400, 'actor')
  })

  it('in the admin operations too', async () => {
    expectProblem(await post('/api/templates', { name: 'n\u0000', displayName: 'x' }), 400, 'name')
    expectProblem(await post('/api/tokens', { name: 'bad\u0000', scope: 'read-only' }), 400, 'name')
    expectProblem(await rawJson('PATCH', '/api/settings', '{"about":"\\ud83d"}'), 400, 'about')
    expectProblem(await post('/api/users', { email: 'x@example.test', role: 'editor', password: 'long enough pass\u0000' }), 400, 'password')
    expectProblem(await post('/api/session', { email: 'x@example.test', password: '\u0000' }, { token: null }), 400, 'password')
    // A surrogate pair is a character like any other.
    const id = await createImpactType({ description: 'fire \ud83d\udd25' })
    const { data } = expectResponse(await get(`/api/impacttypes/${id}`), 'getImpactType', 200)
    expect(data.description).toBe('fire 🔥')
  })
})

describe('null dates, as SCS allows them', () => {
  it('beganAt null on create is now, as if absent', async () => {
    const before = Date.now()
    const id = expectResponse(await post('/api/incidents', { displayName: uniqueName('Null'), beganAt: null }), 'createIncident', 201).id
    const began = Date.parse((await readIncident(id)).beganAt)
    expect(began).toBeGreaterThanOrEqual(before - 1000)
    expect(began).toBeLessThanOrEqual(Date.now() + 1000)
  })

  it('beganAt null on PATCH keeps the beginning', async () => {
    const id = await createIncident({ beganAt: '2031-02-03T04:05:06.000Z' })
    expectResponse(await patch(`/api/incidents/${id}`, { beganAt: null, description: 'changed' }), 'updateIncident', 204)
    expect(await readIncident(id)).toMatchObject({ beganAt: '2031-02-03T04:05:06.000Z', description: 'changed' })
  })

  it('createdAt null on an update is now on create and unchanged on PATCH', async () => {
    const incident = await createIncident()
    const before = Date.now()
    const order = expectResponse(await post(`/api/incidents/${incident}/updates`, { displayName: 'Now', createdAt: null }), 'createIncidentUpdate', 201).order
    const read = async () => expectResponse(await get(`/api/incidents/${incident}/updates/${order}`), 'getIncidentUpdate', 200).data
    const { createdAt } = await read()
    expect(Date.parse(createdAt)).toBeGreaterThanOrEqual(before - 1000)
    expectResponse(await patch(`/api/incidents/${incident}/updates/${order}`, { createdAt: null }), 'updateIncidentUpdate', 204)
    expect((await read()).createdAt).toBe(createdAt)
  })
})

describe('severity names with /, ? and #', () => {
  it.each(['n/a', 'slower?', 'a#b', '/?#%2F', 'a/../b'])('%j is created, read, patched and deleted percent-encoded', async (prefix) => {
    const name = uniqueName(prefix)
    await severities.create(undefined, name)
    const path = `/api/severities/${encodeURIComponent(name)}`
    expect(expectResponse(await get(path), 'getSeverity', 200).data.displayName).toBe(name)
    const [value] = await freeSeverityValues(1)
    expectResponse(await patch(path, { value }), 'updateSeverity', 204)
    expect(expectResponse(await get(path), 'getSeverity', 200).data).toEqual({ displayName: name, value })
    expectResponse(await del(path), 'deleteSeverity', 204)
    expectProblem(await get(path), 404)
  })
})

describe('dates in any year from 0001 to 9999', () => {
  it('are stored and read back in bodies', async () => {
    const id = await createIncident({ beganAt: '0001-01-01T00:00:00Z', endedAt: '0999-06-15T12:30:00.123+02:00' })
    expect(await readIncident(id)).toMatchObject({ beganAt: '0001-01-01T00:00:00.000Z', endedAt: '0999-06-15T10:30:00.123Z' })
    const order = await createIncidentUpdate(id, { createdAt: '0050-03-01T00:00:00Z' })
    const { data } = expectResponse(await get(`/api/incidents/${id}/updates/${order}`), 'getIncidentUpdate', 200)
    expect(data.createdAt).toBe('0050-03-01T00:00:00.000Z')
  })

  it('work in ?at=, start and end', async () => {
    const component = await createComponent()
    const type = await createImpactType()
    const id = await createIncident({
      beganAt: '0010-01-01T00:00:00Z', endedAt: '0011-01-01T00:00:00Z',
      affects: [{ reference: component, type, severity: 60 }],
    })
    const { data } = expectResponse(await get(`/api/components/${component}?at=0010-06-01T00:00:00Z`), 'getComponent', 200)
    expect(data.activelyAffectedBy).toEqual([{ reference: id, type, severity: 60 }])
    expectResponse(await get('/api/components?at=0001-01-01T00:00:00Z'), 'getComponents', 200)
    const listed = expectResponse(await get(`/api/incidents${query({ start: '0001-01-01T00:00:00Z', end: '0100-01-01T00:00:00Z' })}`), 'getIncidents', 200).data
    expect(listed.map((i: { id: string }) => i.id)).toContain(id)
  })

  it('before 0001 or after 9999 (UTC) are refused with 400', async () => {
    expectProblem(await post('/api/incidents', { displayName: 'Too early', beganAt: '0000-12-31T23:59:59Z' }), 400, 'beganAt')
    expectProblem(await post('/api/incidents', { displayName: 'Too early', beganAt: '0001-01-01T00:30:00+01:00' }), 400, 'beganAt')
    expectProblem(await get(`/api/components${query({ at: '9999-12-31T23:00:00-12:00' })}`), 400, 'at')
  })
})

describe('label keys that name Object.prototype members', () => {
  const labels = '{"__proto__":"p","constructor":"c","prototype":"t","toString":"s"}'
  const entries = (value: object) => Object.entries(value).sort()

  it('are stored and read back as given, on create and PATCH', async () => {
    const name = uniqueName('Proto')
    const { id } = expectResponse(await rawJson('POST', '/api/components', `{"displayName":"${name}","labels":${labels}}`), 'createComponent', 201)
    expect(entries((await readComponent(id)).labels)).toEqual(entries(JSON.parse(labels)))
    const { data } = expectResponse(await get('/api/components'), 'getComponents', 200)
    expect(entries(data.find((c: { id: string }) => c.id === id).labels)).toEqual(entries(JSON.parse(labels)))

    const other = await createComponent()
    expectResponse(await rawJson('PATCH', `/api/components/${other}`, '{"labels":{"__proto__":"only"}}'), 'updateComponent', 204)
    expect(entries((await readComponent(other)).labels)).toEqual([['__proto__', 'only']])
  })
})

describe('field error codes', () => {
  /** The refused fields of a 400, as a client that translates them reads them. */
  const refused = (reply: Awaited<ReturnType<typeof post>>) =>
    (expectProblem(reply, 400) as { errors: { field: string, code?: string, limit?: number }[] }).errors.map(({ field, code, limit }) => ({ field, code, limit }))

  it('say what is wrong with each field, with the bound where there is one', async () => {
    const signIn = (body: object) => post('/api/session', body, { token: null })
    expect(await refused(await signIn({ email: 'x@example.test', password: '' }))).toEqual([{ field: 'password', code: 'required', limit: undefined }])
    expect(await refused(await signIn({ password: 'x' }))).toEqual([{ field: 'email', code: 'required', limit: undefined }])
    expect(await refused(await signIn({ email: 'nobody', password: 'x', extra: 1 }))).toEqual([
      { field: 'email', code: 'invalid_email', limit: undefined },
      { field: 'extra', code: 'unknown_field', limit: undefined },
    ])
    expect(await refused(await post('/api/incidents', { displayName: 'x'.repeat(201) }))).toEqual([{ field: 'displayName', code: 'too_long', limit: 200 }])
  })

  it('name what the services refuse too', async () => {
    const type = await createImpactType()
    const missing = '00000000-0000-4000-8000-000000000000'
    expect(await refused(await post('/api/incidents', { displayName: 'Codes', affects: [{ reference: missing, type, severity: 50 }] })))
      .toEqual([{ field: 'affects[0].reference', code: 'not_found', limit: undefined }])
  })
})
