import { describe, expect, it } from 'vitest'
import { deliveryOutcome, TIMEOUT_ERROR } from '../../server/notify/delivery-outcome'

describe('the outcome of a webhook delivery attempt', () => {
  it('follows from the status code when the receiver answered', () => {
    expect(deliveryOutcome(200, null)).toBe('delivered')
    expect(deliveryOutcome(204, null)).toBe('delivered')
    expect(deliveryOutcome(500, 'the receiver answered 500')).toBe('refused')
    // A redirect is not followed: the receiver did not take the delivery.
    expect(deliveryOutcome(302, 'the receiver answered 302')).toBe('refused')
  })

  it('is a timeout when no answer came in time, and unreachable for any other failure', () => {
    expect(deliveryOutcome(null, TIMEOUT_ERROR)).toBe('timeout')
    // Logged before the code existed, in the same words.
    expect(deliveryOutcome(null, 'no answer within 10 s')).toBe('timeout')
    expect(deliveryOutcome(null, 'connect ECONNREFUSED 127.0.0.1:9')).toBe('unreachable')
    expect(deliveryOutcome(null, 'getaddrinfo ENOTFOUND hooks.example.invalid')).toBe('unreachable')
  })
})
