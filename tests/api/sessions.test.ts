import { describe, expect, it } from 'vitest'
import { expectProblem, expectResponse, get, patch, post } from './client'
import { Browser, createUser, sessionCookieOf, signIn, signInAs, signInAsAdmin, signInReply } from './browser'
import { uniqueName } from './fixtures'

describe('sign-in', () => {
  it('sets a sealed, HttpOnly, SameSite=Lax cookie and names the user', async () => {
    const { email, password } = await createUser('editor')
    const reply = await signInReply(email, password)
    const { data } = expectResponse(reply, 'signIn', 200)
    expect(data.user).toEqual({ id: expect.any(String), email, role: 'editor' })
    expect(data.csrfToken).toMatch(/^[\w-]{32,}$/)
    const cookie = reply.headers.getSetCookie().find(c => c.startsWith('status_page_session='))!
    expect(cookie).toMatch(/; HttpOnly/i)
    expect(cookie).toMatch(/; SameSite=Lax/i)
    expect(cookie).toMatch(/; Path=\//i)
    expect(cookie).not.toMatch(/; Secure/i)
    // Sealed: neither the email nor the CSRF token can be read from it.
    expect(cookie).not.toContain(email.split('@')[0])
    expect(cookie).not.toContain(data.csrfToken)
  })

  it('believes no X-Forwarded-Proto without STATUS_PAGE_TRUST_PROXY (proxy-trust.test.ts has it with)', async () => {
    const { email, password } = await createUser('editor')
    const reply = await signInReply(email, password, { 'x-forwarded-proto': 'https' })
    expect(reply.status).toBe(200)
    expect(reply.headers.getSetCookie().find(c => c.startsWith('status_page_session='))).not.toMatch(/; Secure/i)
    expect(reply.headers.getSetCookie().some(c => c.startsWith('__Host-'))).toBe(false)
  })

  it('takes the email in any case', async () => {
    const { email, password } = await createUser('editor')
    expect((await signIn(email.toUpperCase(), password)).cookie).toBeTruthy()
  })

  it('refuses a wrong password and an unknown email alike', async () => {
    const { email } = await createUser('editor')
    const wrong = await signInReply(email, 'not the password')
    const unknown = await signInReply(`nobody-${uniqueName('x').replaceAll(' ', '')}@example.test`, 'whatever')
    expectProblem(wrong, 401)
    expectProblem(unknown, 401)
    expect(wrong.body.detail).toBe(unknown.body.detail)
  })

  it('refuses a disabled user', async () => {
    const { id, email, password } = await createUser('editor')
    expectResponse(await patch(`/api/users/${id}`, { disabled: true }), 'updateUser', 204)
    expectProblem(await signInReply(email, password), 401)
  })

  it('refuses a sign-in sent from another site', async () => {
    const { email, password } = await createUser('editor')
    const reply = await signInReply(email, password, { origin: 'https://attacker.example' })
    expectProblem(reply, 403)
    expect(sessionCookieOf(reply)).toBeUndefined()
  })

  it('answers anonymous callers without setting a cookie', async () => {
    const reply = await get('/api/session')
    const { data } = expectResponse(reply, 'getSession', 200)
    expect(data).toEqual({ signInMethods: expect.arrayContaining(['password']) })
    expect(reply.headers.getSetCookie()).toEqual([])
    expect(reply.headers.get('cache-control')).toBe('no-store')
  })
})

describe('sessions', () => {
  it('name the signed-in user and their CSRF token', async () => {
    const browser = await signInAs('admin')
    const { data } = expectResponse(await browser.get('/api/session'), 'getSession', 200)
    expect(data.user).toEqual({ id: browser.id, email: browser.email, role: 'admin' })
    expect(data.csrfToken).toBe(browser.csrfToken)
  })

  it('end with sign-out, even for a copy of the cookie', async () => {
    const browser = await signInAs('editor')
    const copy = new Browser(browser.email, browser.cookie, browser.csrfToken)
    const reply = await browser.del('/api/session')
    expectResponse(reply, 'signOut', 204)
    expect(reply.headers.getSetCookie().find(c => c.startsWith('status_page_session='))).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i)
    expect(await copy.user()).toBeUndefined()
    expectProblem(await copy.post('/api/components', { displayName: 'After sign-out' }), 401)
  })

  it('end everywhere else when the password changes, and this one goes on', async () => {
    const { email, password } = await createUser('editor')
    const here = await signIn(email, password)
    const elsewhere = await signIn(email, password)
    const newPassword = 'a brand new password'
    const reply = await here.post('/api/session/password', { currentPassword: password, newPassword })
    const { data } = expectResponse(reply, 'changePassword', 200)
    here.cookie = sessionCookieOf(reply)!
    here.csrfToken = data.csrfToken
    expect(await here.user()).toMatchObject({ email })
    expectResponse(await here.post('/api/components', { displayName: 'Still signed in' }), 'createComponent', 201)
    expect(await elsewhere.user()).toBeUndefined()
    expectProblem(await elsewhere.post('/api/components', { displayName: 'Ended' }), 401)
    expectProblem(await signInReply(email, password), 401)
    expect((await signIn(email, newPassword)).cookie).toBeTruthy()
  })

  it('keep the password when the current one is wrong or the new one too short', async () => {
    const { email, password } = await createUser('editor')
    const browser = await signIn(email, password)
    expectProblem(await browser.post('/api/session/password', { currentPassword: 'wrong', newPassword: 'long enough password' }), 400, 'currentPassword')
    expectProblem(await browser.post('/api/session/password', { currentPassword: password, newPassword: 'short' }), 400, 'newPassword')
    expect(await browser.user()).toMatchObject({ email })
    expect((await signIn(email, password)).cookie).toBeTruthy()
  })

  it('cannot change a password with an API token', async () => {
    expectProblem(await post('/api/session/password', { currentPassword: 'x', newPassword: 'long enough password' }), 403)
  })

  it('end when an admin disables the user, and stay ended when enabled again', async () => {
    const editor = await signInAs('editor')
    const admin = await signInAsAdmin()
    expectResponse(await admin.patch(`/api/users/${editor.id}`, { disabled: true }), 'updateUser', 204)
    expect(await editor.user()).toBeUndefined()
    expectProblem(await editor.post('/api/components', { displayName: 'Disabled' }), 401)
    expectResponse(await admin.patch(`/api/users/${editor.id}`, { disabled: false }), 'updateUser', 204)
    expect(await editor.user()).toBeUndefined()
    expect((await signIn(editor.email, editor.password)).cookie).toBeTruthy()
  })

  it('end when an admin sets a new password for the user', async () => {
    const editor = await signInAs('editor')
    expectResponse(await patch(`/api/users/${editor.id}`, { password: 'set by an admin' }), 'updateUser', 204)
    expect(await editor.user()).toBeUndefined()
    expect((await signIn(editor.email, 'set by an admin')).cookie).toBeTruthy()
  })

  it('do not survive a tampered cookie', async () => {
    const browser = await signInAs('editor')
    const [name, value] = browser.cookie.split('=') as [string, string]
    const flipped = value.slice(0, 40) + (value[40] === 'A' ? 'B' : 'A') + value.slice(41)
    const forged = new Browser(browser.email, `${name}=${flipped}`, browser.csrfToken)
    expect(await forged.user()).toBeUndefined()
    expectProblem(await forged.post('/api/components', { displayName: 'Forged' }), 401)
  })
})
