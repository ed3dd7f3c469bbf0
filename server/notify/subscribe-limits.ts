// Subscribe requests send mail to an address that anyone can type in: limited per address and per
// client, so that nobody mail-bombs a stranger with our confirmations. Counted in this process's
// memory (see FailureLimiter): with several instances each allows its share.
import type { H3Event } from 'h3'
import { DAY, HOUR, MINUTE } from '../../shared/time.ts'
import { FailureLimiter } from '../auth/failure-limiter.ts'
import type { NewSubscription } from '../../openapi/subscription-schemas.ts'
import { Problem } from '../problem.ts'
import { subscribe, subscriptionsOffered } from '../services/subscriptions.ts'

// Three confirmations to one address, then one more every 10 minutes at first, doubling.
const byAddress = new FailureLimiter({ free: 3, baseDelayMs: 10 * MINUTE, maxDelayMs: 6 * HOUR, windowMs: DAY })
const byClient = new FailureLimiter({ free: 10, baseDelayMs: MINUTE, maxDelayMs: HOUR, windowMs: DAY })

/** Counts a subscribe request, or refuses it with 429 while the address or the client must wait. */
export function admitSubscribeRequest(event: H3Event, email: string, client: string) {
  const wait = Math.max(byAddress.waitFor(email), byClient.waitFor(client))
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000)
    setResponseHeader(event, 'retry-after', seconds)
    throw new Problem(429, 'Too Many Requests', `Too many subscribe requests; try again in ${seconds} seconds.`)
  }
  byAddress.fail(email)
  byClient.fail(client)
}

/** A subscribe request from the API or the page's form: counted against the limits, then taken. */
export async function subscribeFrom(event: H3Event, request: NewSubscription) {
  if (subscriptionsOffered()) admitSubscribeRequest(event, request.email, clientKey(event))
  await subscribe(await useDatabase(), request)
}
