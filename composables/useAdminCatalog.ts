// What incidents are built from — components, impact types, severities and the newest phase
// list — loaded once per page (forwarding the session cookie while rendering on the server).
import type { ComponentData, ImpactTypeResponse, PhaseListData, SeverityData } from '~~/openapi/schemas'

export function useAdminList<T>(key: string, path: string, query?: MaybeRefOrGetter<Record<string, string | number | undefined>>) {
  return useFetch(path, {
    key: `admin-${key}`,
    query,
    transform: (reply: { data: T }) => reply.data,
  })
}

export async function useAdminCatalog() {
  const [components, impactTypes, severities, phases] = await Promise.all([
    useAdminList<ComponentData[]>('components', '/api/components'),
    useAdminList<ImpactTypeResponse[]>('impact-types', '/api/impacttypes'),
    useAdminList<SeverityData[]>('severities', '/api/severities'),
    useAdminList<PhaseListData>('phases', '/api/phases'),
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
