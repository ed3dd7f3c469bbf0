// Password sign-in, slowed down per email and per client address once guesses pile up.
// The counts live in this process's memory (see FailureLimiter).
import type { H3Event } from 'h3'
import { FailureLimiter } from './failure-limiter'
import { Problem } from '../problem'
import { authenticatePassword, type SessionUserRow } from '../services/users'

const MINUTE = 60_000
// One account: a few typos are free, then waits double from 30 seconds up to 15 minutes.
const byEmail = new FailureLimiter({ free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: 15 * MINUTE })
// One address: more room, since offices and proxies share addresses, but no endless guessing.
const byAddress = new FailureLimiter({ free: 20, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE, windowMs: 15 * MINUTE })

/** The active user with this email and password; 401 when wrong, 429 while slowed down. */
export async function signInWithPassword(event: H3Event, email: string, password: string): Promise<SessionUserRow> {
  const address = clientAddress(event)
  const wait = Math.max(byEmail.waitFor(email), byAddress.waitFor(address))
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000)
    setResponseHeader(event, 'retry-after', seconds)
    throw new Problem(429, 'Too Many Requests', `Too many failed sign-ins; try again in ${seconds} seconds.`)
  }
  // Counted before checking, so that parallel guesses cannot all slip through the gap.
  byEmail.fail(email)
  byAddress.fail(address)
  const user = await authenticatePassword(await useDatabase(), email, password)
  if (!user) throw new Problem(401, 'Unauthorized', 'The email or the password is wrong.')
  byEmail.reset(email)
  byAddress.forgiveOne(address)
  return user
}
