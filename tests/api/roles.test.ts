import { describe, expect, it } from 'vitest'
import { del, expectProblem, expectResponse, get, post, tokens } from './client'
import { createUser, signInAs, signInAsAdmin } from './browser'
import { uniqueName } from './fixtures'

describe('editors', () => {
  it('write incidents and what they are built from through their session', async () => {
    const editor = await signInAs('editor')
    const { id: component } = expectResponse(await editor.post('/api/components', { displayName: uniqueName('By editor') }), 'createComponent', 201)
    const { id: type } = expectResponse(await editor.post('/api/impacttypes', { displayName: uniqueName('Type') }), 'createImpactType', 201)
    const { id } = expectResponse(await editor.post('/api/incidents', {
      displayName: uniqueName('Incident'), affects: [{ reference: component, type, severity: 50 }],
    }), 'createIncident', 201)
    expectResponse(await editor.post(`/api/incidents/${id}/updates`, { displayName: 'Looking into it' }), 'createIncidentUpdate', 201)
    expectResponse(await editor.del(`/api/incidents/${id}`), 'deleteIncident', 204)
  })

  it('cannot change the page settings, which admins can', async () => {
    const editor = await signInAs('editor')
    expectProblem(await editor.patch('/api/settings', { maintenanceDays: 30 }), 403)
    const admin = await signInAs('admin')
    expectResponse(await admin.patch('/api/settings', { maintenanceDays: 30 }), 'updateSettings', 204)
  })

  it('cannot reach users or tokens', async () => {
    const editor = await signInAs('editor')
    const { id } = await createUser('editor')
    for (const reply of [
      await editor.get('/api/users'),
      await editor.post('/api/users', { email: 'x@example.test', role: 'admin' }),
      await editor.patch(`/api/users/${id}`, { role: 'admin' }),
      await editor.patch(`/api/users/${editor.id}`, { role: 'admin' }),
      await editor.get('/api/tokens'),
      await editor.post('/api/tokens', { name: uniqueName('token'), scope: 'read-write' }),
      await editor.del('/api/tokens/test-rw'),
    ]) expectProblem(reply, 403)
    expect(await editor.user()).toMatchObject({ role: 'editor' })
  })
})

describe('admins', () => {
  it('create users and change their role', async () => {
    const admin = await signInAsAdmin()
    const email = `${uniqueName('new').replaceAll(' ', '-')}@Example.test`
    const { id } = expectResponse(await admin.post('/api/users', { email, role: 'editor' }), 'createUser', 201)
    expectResponse(await admin.patch(`/api/users/${id}`, { role: 'admin' }), 'updateUser', 204)
    const users = expectResponse(await admin.get('/api/users'), 'getUsers', 200).data
    expect(users.find((user: { id: string }) => user.id === id)).toEqual({
      id, email: email.toLowerCase(), role: 'admin', disabled: false, hasPassword: false, createdAt: expect.any(String), lastSignInAt: null,
    })
    expectProblem(await admin.post('/api/users', { email, role: 'editor' }), 409, 'email')
  })

  it('create a token that is shown once, see its last use, and revoke it', async () => {
    const admin = await signInAsAdmin()
    const name = uniqueName('ci')
    const { token } = expectResponse(await admin.post('/api/tokens', { name, scope: 'read-write' }), 'createToken', 201)
    expectResponse(await post('/api/components', { displayName: uniqueName('By token') }, { token }), 'createComponent', 201)
    const listed = expectResponse(await admin.get('/api/tokens'), 'getTokens', 200).data.find((t: { name: string }) => t.name === name)
    expect(listed).toEqual({ name, scope: 'read-write', createdAt: expect.any(String), lastUsedAt: expect.any(String) })
    expect(JSON.stringify(listed)).not.toContain(token)
    expectResponse(await admin.del(`/api/tokens/${encodeURIComponent(name)}`), 'revokeToken', 204)
    expectProblem(await post('/api/components', { displayName: 'Revoked' }, { token }), 401)
  })

  it('create read-only tokens that cannot write', async () => {
    const admin = await signInAsAdmin()
    const { token } = expectResponse(await admin.post('/api/tokens', { name: uniqueName('ro'), scope: 'read-only' }), 'createToken', 201)
    expectProblem(await post('/api/components', { displayName: 'Read-only' }, { token }), 403)
  })
})

describe('API tokens', () => {
  it('other than STATUS_PAGE_ADMIN_TOKEN cannot manage users or tokens', async () => {
    for (const token of [tokens.readWrite, tokens.readOnly]) {
      expectProblem(await get('/api/users', { token }), 403)
      expectProblem(await post('/api/tokens', { name: uniqueName('escalate'), scope: 'read-write' }, { token }), 403)
      expectProblem(await del('/api/tokens/test-rw', { token }), 403)
    }
  })

  it('STATUS_PAGE_ADMIN_TOKEN can, for bootstrap and automation', async () => {
    expectResponse(await get('/api/users', { token: tokens.admin }), 'getUsers', 200)
  })

  it('still get 401 with WWW-Authenticate: Bearer when missing', async () => {
    const reply = await post('/api/components', { displayName: 'Anonymous' }, { token: null })
    expectProblem(reply, 401)
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expectProblem(await get('/api/users'), 401)
  })
})
