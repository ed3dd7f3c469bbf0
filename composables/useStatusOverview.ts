// The data of the overview page: components with their active impacts, and the incidents from the
// start of the history bars to the end of the maintenance horizon, with what the page shows of
// the current ones (latest update, phase name).
import type { ComponentData, IncidentData, IncidentUpdateData, PhaseListData } from '~~/openapi/schemas'
import { isActiveAt, upcomingMaintenance } from '#shared/status/incident'
import { newestFirst } from '#shared/status/updates'

export interface StatusOverview {
  /** When the data was read (ms). */
  at: number
  components: ComponentData[]
  incidents: IncidentData[]
  /** The latest update of each active incident, by incident id. */
  latestUpdates: Record<string, IncidentUpdateData>
  /** The phase names of each generation the active and upcoming incidents use. */
  phases: Record<number, string[]>
}

async function latestUpdate(incidentId: string): Promise<IncidentUpdateData | undefined> {
  return newestFirst(await apiData<IncidentUpdateData[]>(`/api/incidents/${incidentId}/updates`))[0]
}

async function fetchOverview(maintenanceDays: number): Promise<StatusOverview> {
  const at = Date.now()
  const [components, incidents] = await Promise.all([
    apiData<ComponentData[]>('/api/components'),
    apiData<IncidentData[]>('/api/incidents', { start: historyStart(at), end: daysLater(at, maintenanceDays) }),
  ])
  const active = incidents.filter(incident => isActiveAt(incident, new Date(at)))
  const shown = [...active, ...upcomingMaintenance(incidents, new Date(at), maintenanceDays)]
  const generations = [...new Set(shown.flatMap(incident => incident.phase ? [incident.phase.generation] : []))]
  const [latest, phaseLists] = await Promise.all([
    Promise.all(active.map(incident => latestUpdate(incident.id))),
    Promise.all(generations.map(generation => apiData<PhaseListData>('/api/phases', { generation }))),
  ])
  return {
    at,
    components,
    incidents,
    latestUpdates: Object.fromEntries(active.flatMap((incident, i) => latest[i] ? [[incident.id, latest[i]]] : [])),
    phases: Object.fromEntries(phaseLists.map(list => [list.generation, list.phases])),
  }
}

export function useStatusOverview(maintenanceDays: () => number) {
  return useAsyncData('status:overview', () => fetchOverview(maintenanceDays()))
}
