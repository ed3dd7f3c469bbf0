// What incidents are built from — components, impact types, severities and the newest phase
// list — loaded once per page (forwarding the session cookie while rendering on the server).
import type { ApiArgs, ApiData, ApiRequest } from '~/utils/api'
import type { OperationId } from '~~/openapi/operations'

/** A request whose query may change: the list is fetched again when it does. */
type Reactive<R> = { [K in keyof R]: K extends 'query' ? MaybeRefOrGetter<R[K]> : R[K] }

/**
 * The `data` of a read, keyed for the page's payload, and the `ETag` it came with: what a write
 * of the same thing names in If-Match.
 */
export async function useAdminList<K extends OperationId>(key: string, id: K, ...[request]: ApiArgs<Reactive<ApiRequest<K>>>) {
  const { params, query } = (request ?? {}) as { params?: Record<string, string | number>, query?: MaybeRefOrGetter<Record<string, unknown>> }
  const etag = useState<string | undefined>(`admin-${key}-etag`)
  const list = await useFetch(apiUrl(id, params), {
    key: `admin-${key}`,
    query,
    onResponse: ({ response }) => {
      etag.value = response.headers.get('etag') ?? undefined
    },
    transform: (reply: unknown) => (reply as { data: ApiData<K> }).data,
  })
  return { ...list, etag }
}

export async function useAdminCatalog() {
  const [components, impactTypes, severities, phases] = await Promise.all([
    useAdminList('components', 'getComponents'),
    useAdminList('impact-types', 'getImpactTypes'),
    useAdminList('severities', 'getSeverities'),
    useAdminList('phases', 'getPhaseList'),
  ])
  const all = [components, impactTypes, severities, phases]
  return {
    components: computed(() => components.data.value ?? []),
    impactTypes: computed(() => impactTypes.data.value ?? []),
    severities: computed(() => severities.data.value ?? []),
    phases: computed(() => phases.data.value ?? { generation: 0, phases: [] }),
    error: computed(() => all.map(item => item.error.value).find(Boolean)),
    refresh: () => Promise.all(all.map(item => item.refresh())),
  }
}

export type AdminCatalog = Awaited<ReturnType<typeof useAdminCatalog>>
