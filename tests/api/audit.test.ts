import { describe, expect, it } from 'vitest'
import { expectProblem, expectResponse, get, patch, post, tokens } from './client'
import { createUser, sessionCookieOf, signIn, signInAs } from './browser'
import { createComponent, createIncident, fromNow, HOUR, query, uniqueName } from './fixtures'
import { severityJanitor } from './severity-fixtures'

async function audit(filter: Record<string, string>) {
  return expectResponse(await get(`/api/audit${query(filter)}`, { token: tokens.admin }), 'getAuditLog', 200).data
}

describe('the audit log', () => {
  it('records an API write under the token\'s name', async () => {
    const displayName = uniqueName('Audited component')
    const { id } = expectResponse(await post('/api/components', { displayName }, { token: tokens.readWrite }), 'createComponent', 201)
    const [entry] = await audit({ actor: 'test-rw', kind: 'components', limit: '1' })
    expect(entry).toEqual({
      id: expect.any(Number), at: expect.any(String), actorKind: 'token', actor: 'test-rw',
      method: 'POST', path: '/api/components', resourceKind: 'components', resourceId: id,
      summary: `displayName: ${JSON.stringify(displayName)}`,
    })
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000)
  })

  it('records a write to a severity under its name, whatever characters the name holds', async () => {
    const severities = severityJanitor()
    for (const displayName of ['?', uniqueName('?odd 100%'), `${uniqueName('a/b#c')}/`]) {
      await severities.create(undefined, displayName)
      const path = `/api/severities/${encodeURIComponent(displayName)}`
      expectResponse(await patch(path, {}, { token: tokens.readWrite }), 'updateSeverity', 204)
      const [entry] = await audit({ actor: 'test-rw', kind: 'severities', limit: '1' })
      expect(entry).toMatchObject({ method: 'PATCH', path, resourceId: displayName })
    }
    await severities.cleanup()
  })

  it('records a signed-in write under the user\'s email, and updates under their incident', async () => {
    const editor = await signInAs('editor')
    const { id } = expectResponse(await editor.post('/api/incidents', { displayName: 'Audited incident', beganAt: fromNow(-HOUR) }), 'createIncident', 201)
    expectResponse(await editor.post(`/api/incidents/${id}/updates`, { displayName: 'Fix deployed' }), 'createIncidentUpdate', 201)
    expectResponse(await editor.patch(`/api/incidents/${id}`, { endedAt: fromNow(0) }), 'updateIncident', 204)
    const entries = await audit({ actor: editor.email, kind: 'incidents' })
    expect(entries.map((e: any) => [e.actorKind, e.method, e.path, e.resourceId])).toEqual([
      ['user', 'PATCH', `/api/incidents/${id}`, id],
      ['user', 'POST', `/api/incidents/${id}/updates`, id],
      ['user', 'POST', '/api/incidents', id],
    ])
    expect(entries[1].summary).toBe('displayName: "Fix deployed"')
    expect(entries[2].summary).toMatch(/^displayName: "Audited incident", beganAt: "[^"]+"$/)
  })

  it('records signing in, changing the password and signing out, never a password', async () => {
    const { email, password } = await createUser('editor')
    const browser = await signIn(email, password)
    const newPassword = 'another long password'
    const changed = await browser.post('/api/session/password', { currentPassword: password, newPassword })
    browser.cookie = sessionCookieOf(changed)!
    browser.csrfToken = expectResponse(changed, 'changePassword', 200).data.csrfToken
    expectResponse(await browser.del('/api/session'), 'signOut', 204)
    const entries = await audit({ actor: email })
    expect(entries.map((e: any) => `${e.method} ${e.path} ${e.summary}`)).toEqual([
      'DELETE /api/session ',
      'POST /api/session/password ',
      `POST /api/session email: ${JSON.stringify(email)}`,
    ])
    expect(JSON.stringify(entries)).not.toContain(password)
    expect(JSON.stringify(entries)).not.toContain(newPassword)
  })

  it('records what admins do to users and tokens, never a token\'s secret', async () => {
    const admin = await signInAs('admin')
    const name = uniqueName('audited-token')
    const { token } = expectResponse(await admin.post('/api/tokens', { name, scope: 'read-only' }), 'createToken', 201)
    const { id } = await createUser('editor')
    expectResponse(await admin.patch(`/api/users/${id}`, { role: 'admin', password: 'a new password 1' }), 'updateUser', 204)
    const entries = await audit({ actor: admin.email })
    expect(entries.map((e: any) => [e.method, e.resourceKind, e.resourceId, e.summary])).toEqual([
      ['PATCH', 'users', id, 'role: "admin"'],
      ['POST', 'tokens', name, `name: ${JSON.stringify(name)}, scope: "read-only"`],
      ['POST', 'session', null, `email: ${JSON.stringify(admin.email)}`],
    ])
    expect(JSON.stringify(entries)).not.toContain(token)
  })

  it('records nothing for reads and refused writes', async () => {
    const component = await createComponent()
    const [newest] = await audit({ limit: '1' })
    await get(`/api/components/${component}`)
    expectProblem(await post('/api/components', { displayName: '' }), 400)
    expectProblem(await patch(`/api/components/${component}`, { displayName: 'x' }, { token: tokens.readOnly }), 403)
    expect((await audit({ limit: '1' }))[0]).toEqual(newest)
  })

  it('filters by kind, actor and time, and pages backwards', async () => {
    await createIncident()
    await createComponent()
    await createComponent()
    const components = await audit({ kind: 'components', actor: 'STATUS_PAGE_ADMIN_TOKEN', limit: '2' })
    expect(components).toHaveLength(2)
    expect(components.every((e: any) => e.resourceKind === 'components' && e.actor === 'STATUS_PAGE_ADMIN_TOKEN')).toBe(true)
    expect(components[0].id).toBeGreaterThan(components[1].id)
    const next = await audit({ kind: 'components', limit: '1', before: String(components[1].id) })
    expect(next[0].id).toBeLessThan(components[1].id)
    expect(await audit({ since: fromNow(HOUR) })).toEqual([])
    expect((await audit({ until: fromNow(-24 * HOUR) })).every((e: any) => Date.parse(e.at) <= Date.now() - 24 * HOUR)).toBe(true)
    expectProblem(await get('/api/audit?limit=0', { token: tokens.admin }), 400)
  })

  it('is for admins only', async () => {
    const editor = await signInAs('editor')
    expectProblem(await editor.get('/api/audit'), 403)
    expectProblem(await get('/api/audit', { token: tokens.readWrite }), 403)
    expectProblem(await get('/api/audit'), 401)
    const admin = await signInAs('admin')
    expectResponse(await admin.get('/api/audit'), 'getAuditLog', 200)
  })
})
