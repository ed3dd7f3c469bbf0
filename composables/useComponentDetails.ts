// One component with its current impacts and the incidents of its history bar.
import type { ComponentData, ImpactTypeResponse, IncidentData } from '~~/openapi/schemas'

export function useComponentDetails(id: string) {
  return useAsyncData(`component:${id}`, async () => {
    const at = Date.now()
    const [component, incidents, impactTypes] = await Promise.all([
      apiData<ComponentData>(`/api/components/${encodeURIComponent(id)}`),
      apiData<IncidentData[]>('/api/incidents', { start: historyStart(at), end: new Date(at).toISOString() }),
      apiData<ImpactTypeResponse[]>('/api/impacttypes'),
    ])
    return { component, incidents: incidents.filter(incident => incident.affects.some(impact => impact.reference === component.id)), impactTypes }
  })
}
