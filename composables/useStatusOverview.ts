// The data of the overview page that the browser hydrates: components with their active impacts
// (for the banner and the incident cards), and the incidents it shows in full (the active ones and
// upcoming maintenance) with their latest update and phase name. What this returns travels to the
// browser in the page's payload, so it holds nothing the page does not show. The component list
// with its history bars reads its own data (useComponentHistory).
import type { ComponentData, IncidentData, IncidentUpdateData, SettingsData } from '~~/openapi/schemas'
import { isActiveAt, upcomingMaintenance } from '#shared/status/incident'
import { newestFirst } from '#shared/status/updates'

export interface StatusOverview {
  /** When the data was read (ms). */
  at: number
  components: ComponentData[]
  /** The active incidents and upcoming maintenance. */
  incidents: IncidentData[]
  /** The latest update of each active incident, by incident id. */
  latestUpdates: Record<string, IncidentUpdateData>
  /** The phase names of each generation the active and upcoming incidents use. */
  phases: Record<number, string[]>
}

async function latestUpdate(incidentId: string): Promise<IncidentUpdateData | undefined> {
  return newestFirst(await apiData('getIncidentUpdates', { params: { incidentId } }))[0]
}

/** How many days ahead the overview shows maintenance: the settings', 30 until they are read. */
export function useMaintenanceDays() {
  const { data: settings } = useNuxtData<SettingsData>('settings')
  return computed(() => settings.value?.maintenanceDays ?? 30)
}

/**
 * The overview's incidents: from where the history bars begin to `maintenanceDays` ahead. The
 * component list (useComponentHistory) asks the same question, so while the page renders the API's
 * read cache answers it once.
 */
export const overviewIncidents = (at: number, maintenanceDays: number) =>
  apiData('getIncidents', { query: { start: historyStart(at), end: daysLater(at, maintenanceDays) } })

async function fetchOverview(maintenanceDays: number): Promise<StatusOverview> {
  const at = Date.now()
  const [components, incidents] = await Promise.all([apiData('getComponents'), overviewIncidents(at, maintenanceDays)])
  const active = incidents.filter(incident => isActiveAt(incident, new Date(at)))
  const shown = [...active, ...upcomingMaintenance(incidents, new Date(at), maintenanceDays)]
  const generations = [...new Set(shown.flatMap(incident => incident.phase ? [incident.phase.generation] : []))]
  const [latest, phaseLists] = await Promise.all([
    Promise.all(active.map(incident => latestUpdate(incident.id))),
    Promise.all(generations.map(generation => apiData('getPhaseList', { query: { generation } }))),
  ])
  return {
    at,
    components,
    incidents: shown,
    latestUpdates: Object.fromEntries(active.flatMap((incident, i) => latest[i] ? [[incident.id, latest[i]]] : [])),
    phases: Object.fromEntries(phaseLists.map(list => [list.generation, list.phases])),
  }
}

export function useStatusOverview(maintenanceDays: () => number) {
  return useAsyncData('status:overview', () => fetchOverview(maintenanceDays()))
}
