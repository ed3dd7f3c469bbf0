import { request as httpRequest } from 'node:http'
import { describe, expect, inject, it } from 'vitest'
import { expectProblem, expectResponse, get, tokens } from './client'
import { createUser, signIn } from './browser'
import { uniqueName } from './fixtures'

interface Outcome { status: number, retryAfter?: number, detail?: string, cookies: string[] }

/**
 * A sign-in from a loopback address of the test's own (Linux routes all of 127.0.0.0/8 to the
 * loopback interface), so that one test's failures do not slow down the others.
 */
function signInFrom(localAddress: string, email: string, password: string, cookie?: string): Promise<Outcome> {
  const url = new URL('/api/session', inject('baseUrl'))
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', ...(cookie && { cookie }) }
    const req = httpRequest(url, { method: 'POST', localAddress, headers }, (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk))
      res.on('end', () => resolve({
        status: res.statusCode!,
        retryAfter: res.headers['retry-after'] === undefined ? undefined : Number(res.headers['retry-after']),
        detail: res.headers['content-type']?.includes('json') ? JSON.parse(text).detail : undefined,
        cookies: res.headers['set-cookie'] ?? [],
      }))
    })
    req.on('error', reject)
    req.end(JSON.stringify({ email, password }))
  })
}

const someone = () => `${uniqueName('guess').replaceAll(' ', '-')}@example.test`

// Each failure costs a password hash (scrypt, N = 2^17): give a busy machine time.
describe('failed sign-ins', { timeout: 300_000 }, () => {
  it('slow down an email after five, with 429 and Retry-After, even for the right password', async () => {
    const from = '127.0.0.11'
    const { email, password } = await createUser('editor')
    for (let i = 0; i < 5; i++) expect((await signInFrom(from, email, `wrong ${i}`)).status).toBe(401)
    const slowed = await signInFrom(from, email, password)
    expect(slowed.status).toBe(429)
    expect(slowed.retryAfter).toBeGreaterThan(0)
    expect(slowed.retryAfter).toBeLessThanOrEqual(30)
    expect(slowed.detail).toMatch(/try again in \d+ seconds/)
    // The email is slowed down, not the address.
    expect((await signInFrom('127.0.0.12', email, password)).status).toBe(429)
  })

  it('leave other emails alone', async () => {
    const from = '127.0.0.13'
    const victim = await createUser('editor')
    const bystander = await createUser('editor')
    for (let i = 0; i < 6; i++) await signInFrom(from, victim.email, 'wrong')
    expect((await signInFrom(from, bystander.email, bystander.password)).status).toBe(200)
  })

  it('are forgotten for an email once the right password gets through', async () => {
    const from = '127.0.0.14'
    const { email, password } = await createUser('editor')
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await signInFrom(from, email, 'wrong')).status).toBe(401)
      expect((await signInFrom(from, email, password)).status).toBe(200)
    }
  })

  it('slow down an address after twenty, whatever the email, and leave other addresses alone', async () => {
    const from = '127.0.0.15'
    const { email, password } = await createUser('editor')
    for (let i = 0; i < 20; i++) expect((await signInFrom(from, someone(), 'wrong')).status).toBe(401)
    const slowed = await signInFrom(from, email, password)
    expect(slowed.status).toBe(429)
    expect(slowed.retryAfter).toBeGreaterThan(0)
    expect((await signInFrom('127.0.0.16', email, password)).status).toBe(200)
  })

  it('are counted before they are checked, so parallel guesses do not slip through', async () => {
    const from = '127.0.0.17'
    const { email } = await createUser('editor')
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => signInFrom(from, email, 'wrong')))
    expect(outcomes.filter(outcome => outcome.status === 401)).toHaveLength(5)
    expect(outcomes.filter(outcome => outcome.status === 429)).toHaveLength(7)
  })

  it('do not lock the owner out on a device they signed in on before, whose guesses count apart', async () => {
    const { email, password } = await createUser('editor')
    const first = await signInFrom('127.0.0.18', email, password)
    expect(first.status).toBe(200)
    const device = first.cookies.find(cookie => cookie.startsWith('status_page_device='))?.split(';')[0]
    expect(device).toBeDefined()
    for (let i = 0; i < 5; i++) expect((await signInFrom('127.0.0.19', email, 'wrong')).status).toBe(401)
    expect((await signInFrom('127.0.0.19', email, password)).status).toBe(429)
    expect((await signInFrom('127.0.0.18', email, password)).status).toBe(429)
    expect((await signInFrom('127.0.0.18', email, password, device)).status).toBe(200)
    // The device's own wrong guesses still slow it down.
    for (let i = 0; i < 5; i++) expect((await signInFrom('127.0.0.18', email, 'wrong', device)).status).toBe(401)
    expect((await signInFrom('127.0.0.18', email, password, device)).status).toBe(429)
  })

  it('count an email in any case as one', async () => {
    const { email, password } = await createUser('editor')
    for (let i = 0; i < 5; i++) expect((await signInFrom('127.0.0.20', i % 2 ? email.toUpperCase() : email, 'wrong')).status).toBe(401)
    expect((await signInFrom('127.0.0.20', email.toUpperCase(), password)).status).toBe(429)
  })

  it('are in the audit log, with the email tried and the address, never the password', async () => {
    const email = someone()
    expect((await signInFrom('127.0.0.21', email, 'secret guess 123')).status).toBe(401)
    const entries = expectResponse(await get(`/api/audit?actor=${encodeURIComponent(email)}`, { token: tokens.admin }), 'getAuditLog', 200).data
    expect(entries).toEqual([expect.objectContaining({ actorKind: 'anonymous', actor: email, method: 'POST', path: '/api/session', resourceKind: 'session', summary: 'address: "127.0.0.21"' })])
    expect(JSON.stringify(entries)).not.toContain('secret guess')
  })
})

describe('checks of the current password when changing it', () => {
  it('slow down after five wrong ones, even for the right one', async () => {
    const { email, password } = await createUser('editor')
    const browser = await signIn(email, password)
    for (let i = 0; i < 5; i++) {
      expectProblem(await browser.post('/api/session/password', { currentPassword: `wrong ${i}`, newPassword: 'a new password 123' }), 400)
    }
    const slowed = await browser.post('/api/session/password', { currentPassword: password, newPassword: 'a new password 123' })
    expectProblem(slowed, 429)
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})
