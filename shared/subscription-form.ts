// The subscription forms of the public pages, which post without JavaScript: the names of their
// fields, and what a refused form is sent back with (`?error=`), for the page to explain. The page
// cache keys the pages by the same reading of their query (server/cache/page-key.ts).
import type { QueryValue } from './status/history-filter.ts'

/** A label's radio group: `label:<key>` holds the chosen value, empty for none. */
export const LABEL_FIELD = 'label:'

/** The fields that can be wrong, and what else can go wrong, each explained by the page. */
export const FORM_ERRORS = ['email', 'components', 'labels', 'locale', 'timeZone', 'invalid', 'rate', 'unavailable', 'unknown', 'expired'] as const
export type FormError = typeof FORM_ERRORS[number]

export const isFormError = (value: unknown): value is FormError => FORM_ERRORS.includes(value as FormError)

export interface SubscriptionPageState {
  /** Why the form came back, each once, in a fixed order. */
  errors: FormError[]
  /** The manage form's change was saved. */
  saved: boolean
}

/** What the subscription pages read from their query (the secret aside, which no cache sees). */
export function subscriptionPageState(query: Record<string, QueryValue>): SubscriptionPageState {
  const named = [query.error].flat()
  return { errors: FORM_ERRORS.filter(error => named.includes(error)), saved: query.saved === '1' }
}

/** The state as a query string, `?…` or empty. */
export function subscriptionPageQuery({ errors, saved }: SubscriptionPageState): string {
  const query = new URLSearchParams(errors.map(error => ['error', error]))
  if (saved) query.set('saved', '1')
  const string = query.toString()
  return string && `?${string}`
}
