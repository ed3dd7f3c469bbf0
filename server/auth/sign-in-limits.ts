// How failed sign-ins are slowed down (see FailureLimiter). Failures are remembered far longer
// than the longest wait: were they forgotten when the wait ends, every wait would be followed by
// a fresh set of free guesses.
import type { FailureRule } from './failure-limiter.ts'

const MINUTE = 60_000
const REMEMBER = 24 * 60 * MINUTE

/** One account (or one known device of it): a few typos are free, then waits double from 30 s to 15 min. */
export const ACCOUNT_RULE: FailureRule = { free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: REMEMBER }

/** One client address: more room, since offices and proxies share addresses, but no endless guessing. */
export const ADDRESS_RULE: FailureRule = { free: 20, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: REMEMBER }

/** Checks of the current password when changing it, per user. */
export const PASSWORD_CHECK_RULE: FailureRule = ACCOUNT_RULE
