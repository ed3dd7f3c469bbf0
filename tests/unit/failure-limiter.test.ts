import { describe, expect, it } from 'vitest'
import { FailureLimiter } from '../../server/auth/failure-limiter.ts'

const SECOND = 1000

function limiter() {
  const clock = { now: 0 }
  const limits = new FailureLimiter({ free: 3, baseDelayMs: 10 * SECOND, maxDelayMs: 60 * SECOND, windowMs: 300 * SECOND }, () => clock.now)
  return { clock, limits }
}

describe('FailureLimiter', () => {
  it('lets the free failures through without waiting', () => {
    const { limits } = limiter()
    for (let i = 0; i < 2; i++) limits.fail('a')
    expect(limits.waitFor('a')).toBe(0)
  })

  it('makes the key wait once the free failures are used, doubling with each further one up to the maximum', () => {
    const { clock, limits } = limiter()
    const waits: number[] = []
    for (let i = 0; i < 7; i++) {
      limits.fail('a')
      waits.push(limits.waitFor('a'))
      clock.now += waits.at(-1)!
    }
    expect(waits).toEqual([0, 0, 10 * SECOND, 20 * SECOND, 40 * SECOND, 60 * SECOND, 60 * SECOND])
  })

  it('counts down the wait', () => {
    const { clock, limits } = limiter()
    for (let i = 0; i < 3; i++) limits.fail('a')
    clock.now += 4 * SECOND
    expect(limits.waitFor('a')).toBe(6 * SECOND)
  })

  it('keeps keys apart', () => {
    const { limits } = limiter()
    for (let i = 0; i < 5; i++) limits.fail('a')
    expect(limits.waitFor('b')).toBe(0)
  })

  it('forgets a key that stayed quiet for the window', () => {
    const { clock, limits } = limiter()
    for (let i = 0; i < 5; i++) limits.fail('a')
    clock.now += 301 * SECOND
    expect(limits.waitFor('a')).toBe(0)
    limits.fail('a')
    expect(limits.waitFor('a')).toBe(0)
  })

  it('forgets everything on reset and one failure on forgiveOne', () => {
    const { limits } = limiter()
    for (let i = 0; i < 3; i++) limits.fail('a')
    limits.forgiveOne('a')
    expect(limits.waitFor('a')).toBe(0)
    limits.fail('a')
    expect(limits.waitFor('a')).toBeGreaterThan(0)
    limits.reset('a')
    expect(limits.waitFor('a')).toBe(0)
  })
})
