// What incidents are built from — components, impact types, severities and the newest phase
// list — loaded once per page (forwarding the session cookie while rendering on the server).
import type { ApiArgs, ApiData, ApiOperation, ApiPath, ApiRequest } from '~/utils/api'

/** A request whose query may change: the list is fetched again when it does. */
type Reactive<R> = { [K in keyof R]: K extends 'query' ? MaybeRefOrGetter<R[K]> : R[K] }

/** The `data` of a read, keyed for the page's payload. */
export function useAdminList<P extends ApiPath<'get'>>(key: string, path: P, ...[request]: ApiArgs<Reactive<ApiRequest<ApiOperation<'get', P>>>>) {
  const { params, query } = (request ?? {}) as { params?: Record<string, string | number>, query?: MaybeRefOrGetter<Record<string, unknown>> }
  return useFetch(apiUrl(path, params), {
    key: `admin-${key}`,
    query,
    transform: (reply: unknown) => (reply as { data: ApiData<P> }).data,
  })
}

export async function useAdminCatalog() {
  const [components, impactTypes, severities, phases] = await Promise.all([
    useAdminList('components', '/api/components'),
    useAdminList('impact-types', '/api/impacttypes'),
    useAdminList('severities', '/api/severities'),
    useAdminList('phases', '/api/phases'),
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
