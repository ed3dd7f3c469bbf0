import { request as httpRequest } from 'node:http'
import { describe, expect, inject, it } from 'vitest'
import { createUser } from './browser'
import { uniqueName } from './fixtures'

interface Outcome { status: number, retryAfter?: number, detail?: string }

/**
 * A sign-in from a loopback address of the test's own (Linux routes all of 127.0.0.0/8 to the
 * loopback interface), so that one test's failures do not slow down the others.
 */
function signInFrom(localAddress: string, email: string, password: string): Promise<Outcome> {
  const url = new URL('/api/session', inject('baseUrl'))
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk))
      res.on('end', () => resolve({
        status: res.statusCode!,
        retryAfter: res.headers['retry-after'] === undefined ? undefined : Number(res.headers['retry-after']),
        detail: res.headers['content-type']?.includes('json') ? JSON.parse(text).detail : undefined,
      }))
    })
    req.on('error', reject)
    req.end(JSON.stringify({ email, password }))
  })
}

const someone = () => `${uniqueName('guess').replaceAll(' ', '-')}@example.test`

describe('failed sign-ins', () => {
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
})
