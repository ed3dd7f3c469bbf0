// What became of one webhook delivery attempt, as a code that the admin area words in the
// operator's language. Derived from what the delivery log keeps, the status code, else the error,
// so entries logged before the code existed read the same.
import type { DeliveryOutcomeData } from '../../openapi/webhook-schemas.ts'

/** How long a receiver has to answer. */
export const DELIVERY_TIMEOUT_MS = 10_000

/** The error logged when that time ran out; the outcome `timeout` is recognised by it. */
export const TIMEOUT_ERROR = `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`

export function deliveryOutcome(statusCode: number | null, error: string | null): DeliveryOutcomeData {
  if (statusCode !== null) return statusCode >= 200 && statusCode <= 299 ? 'delivered' : 'refused'
  return error === TIMEOUT_ERROR ? 'timeout' : 'unreachable'
}
