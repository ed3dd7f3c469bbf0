// Password sign-in, slowed down per account and per client address once guesses pile up.
// The counts live in this process's memory (see FailureLimiter).
import type { H3Event } from 'h3'
import { FailureLimiter } from './failure-limiter'
import { ACCOUNT_RULE, ADDRESS_RULE, PASSWORD_CHECK_RULE } from './sign-in-limits'
import { Problem } from '../problem'
import { authenticatePassword, type SessionUserRow } from '../services/users'

const byAccount = new FailureLimiter(ACCOUNT_RULE)
const byAddress = new FailureLimiter(ADDRESS_RULE)
const passwordChecks = new FailureLimiter(PASSWORD_CHECK_RULE)

function assertNotSlowedDown(event: H3Event, limiters: [FailureLimiter, string][]) {
  const wait = Math.max(...limiters.map(([limiter, key]) => limiter.waitFor(key)))
  if (wait <= 0) return
  const seconds = Math.ceil(wait / 1000)
  setResponseHeader(event, 'retry-after', seconds)
  throw new Problem(429, 'Too Many Requests', `Too many failed attempts; try again in ${seconds} seconds.`)
}

/** The active user with this email and password; 401 when wrong, 429 while slowed down. */
export async function signInWithPassword(event: H3Event, email: string, password: string): Promise<SessionUserRow> {
  const address = clientKey(event)
  // A device the account signed in on before has a count of its own (see known-device.ts).
  const device = await knownDevice(event, email)
  const account = device ? `${email.toLowerCase()} on ${device}` : email.toLowerCase()
  assertNotSlowedDown(event, [[byAccount, account], [byAddress, address]])
  // Counted before checking, so that parallel guesses cannot all slip through the gap.
  byAccount.fail(account)
  byAddress.fail(address)
  const user = await authenticatePassword(await useDatabase(), email, password)
  if (!user) {
    await recordFailedSignIn(event, email, address)
    throw new Problem(401, 'Unauthorized', 'The email or the password is wrong.')
  }
  byAccount.reset(account)
  byAddress.forgiveOne(address)
  return user
}

/** Runs a check of the user's current password (which throws when wrong), slowed down like sign-ins. */
export async function limitPasswordChecks<T>(event: H3Event, userId: string, check: () => Promise<T>): Promise<T> {
  assertNotSlowedDown(event, [[passwordChecks, userId]])
  passwordChecks.fail(userId)
  const result = await check()
  passwordChecks.reset(userId)
  return result
}
