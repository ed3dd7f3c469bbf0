// One incident with everything its page shows: updates, affected components and impact types by
// name, and the phase list of its generation.
import type { ComponentData, ImpactTypeResponse, IncidentData, IncidentUpdateData, PhaseListData } from '~~/openapi/schemas'

export function useIncidentDetails(id: string) {
  return useAsyncData(`incident:${id}`, async () => {
    const incident = await apiData<IncidentData>(`/api/incidents/${encodeURIComponent(id)}`)
    const [updates, components, impactTypes, phases] = await Promise.all([
      apiData<IncidentUpdateData[]>(`/api/incidents/${incident.id}/updates`),
      apiData<ComponentData[]>('/api/components'),
      apiData<ImpactTypeResponse[]>('/api/impacttypes'),
      incident.phase ? apiData<PhaseListData>('/api/phases', { generation: incident.phase.generation }) : undefined,
    ])
    return { incident, updates, components, impactTypes, phases: phases?.phases ?? [] }
  })
}
