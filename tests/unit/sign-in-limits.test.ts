import { describe, expect, it } from 'vitest'
import { FailureLimiter } from '../../server/auth/failure-limiter.ts'
import { ACCOUNT_RULE, ADDRESS_RULE } from '../../server/auth/sign-in-limits.ts'

describe('the sign-in limits', () => {
  it.each([['account', ACCOUNT_RULE], ['address', ADDRESS_RULE]])('per %s remember failures past the longest wait, so no wait brings back free guesses', (_, rule) => {
    const clock = { now: 0 }
    const limiter = new FailureLimiter(rule, () => clock.now)
    for (let i = 0; i < rule.free + 10; i++) {
      clock.now += limiter.waitFor('key')
      limiter.fail('key')
    }
    // Waited out the longest delay (and a little): the next failure must wait the longest again.
    clock.now += rule.maxDelayMs + 1000
    expect(limiter.waitFor('key')).toBe(0)
    limiter.fail('key')
    expect(limiter.waitFor('key')).toBe(rule.maxDelayMs)
  })
})
