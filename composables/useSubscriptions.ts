// The subscription pages' data: whether subscriptions are offered, the choices of the form (the
// components and their labels), and one subscription by the secret of its links.
import type { ComponentData } from '~~/openapi/schemas'
import { subscriptionPageState } from '#shared/subscription-form'

/** Asked once, while the server renders: only a restart with other settings changes it. */
export async function useSubscriptionsOffered() {
  const offered = useState('subscriptions-offered', () => false)
  await callOnce('subscriptions-offered', async () => {
    // Typed by Nitro from the route's handler.
    offered.value = (await $fetch('/_status/subscriptions')).data.offered
  })
  return offered
}

export const useSubscriptionComponents = () => useAsyncData('subscription-components', () => apiData('getComponents'))

/** Each label key with the values components carry, sorted. */
export function labelChoices(components: readonly ComponentData[]) {
  const values = new Map<string, Set<string>>()
  for (const { labels } of components) {
    for (const [key, value] of Object.entries(labels)) values.set(key, (values.get(key) ?? new Set()).add(value))
  }
  return [...values].sort(([a], [b]) => a.localeCompare(b)).map(([key, set]) => ({ key, values: [...set].sort() }))
}

/** A subscription by its secret; null for a malformed or unknown one, a link that does not work. */
function subscriptionOf(token: string) {
  if (!token) return Promise.resolve(null)
  return apiData('getSubscription', { params: { token } }).catch((failure: { statusCode?: number }) => {
    if (failure.statusCode === 400 || failure.statusCode === 404) return null
    throw failure
  })
}

/**
 * What the pages behind a mail's links show: the secret of the page's address, the subscription
 * it opens, the outcome of the form posted before (from the query) and the components to choose
 * from. The address is sent on to nobody, not even as a referrer.
 */
export async function useSubscriptionPage() {
  const route = useRoute()
  const token = typeof route.query.token === 'string' ? route.query.token : ''
  const state = computed(() => subscriptionPageState(route.query))
  useHead({ meta: [{ name: 'referrer', content: 'no-referrer' }] })
  const [{ data: subscription, error }, { data: components }] = await Promise.all([
    useAsyncData(`subscription:${token}`, () => subscriptionOf(token)),
    useSubscriptionComponents(),
  ])
  return { token, subscription, error, components, state, errors: computed(() => state.value.errors) }
}
