// The data of the overview page: components with their active impacts, the incidents it shows in
// full (the active ones and upcoming maintenance) with their latest update and phase name, and
// of the incidents since the start of the history bars only what the bars draw. What this returns
// travels to the browser in the page's payload, so it holds nothing the page does not show.
import type { ComponentData, IncidentData, IncidentUpdateData } from '~~/openapi/schemas'
import type { PeriodUptimeData } from '~~/openapi/uptime-schemas'
import { incidentDays, lastDays, worstByDayOfAll, type DaySummary } from '#shared/status/days'
import { isActiveAt, upcomingMaintenance } from '#shared/status/incident'
import { newestFirst } from '#shared/status/updates'

export interface StatusOverview {
  /** When the data was read (ms). */
  at: number
  components: ComponentData[]
  /** The active incidents and upcoming maintenance. */
  incidents: IncidentData[]
  /** Each component's days with incidents in the history bars ending at `at`, by component id. */
  history: Record<string, Record<string, DaySummary>>
  /** The latest update of each active incident, by incident id. */
  latestUpdates: Record<string, IncidentUpdateData>
  /** The phase names of each generation the active and upcoming incidents use. */
  phases: Record<number, string[]>
  /** Each component's availability over the history bars' days, by component id. */
  uptime: Record<string, Pick<PeriodUptimeData, 'days' | 'uptime'>[]>
}

async function latestUpdate(incidentId: string): Promise<IncidentUpdateData | undefined> {
  return newestFirst(await apiData('getIncidentUpdates', { params: { incidentId } }))[0]
}

async function fetchOverview(maintenanceDays: number, timeZone: string): Promise<StatusOverview> {
  const at = Date.now()
  const [components, incidents, uptime] = await Promise.all([
    apiData('getComponents'),
    apiData('getIncidents', { query: { start: historyStart(at), end: daysLater(at, maintenanceDays) } }),
    apiData('getUptime', { query: { timeZone } }),
  ])
  const active = incidents.filter(incident => isActiveAt(incident, new Date(at)))
  const shown = [...active, ...upcomingMaintenance(incidents, new Date(at), maintenanceDays)]
  const history = worstByDayOfAll(incidents, lastDays(new Date(at), HISTORY_DAYS, timeZone), timeZone, new Date(at))
  const generations = [...new Set(shown.flatMap(incident => incident.phase ? [incident.phase.generation] : []))]
  const [latest, phaseLists] = await Promise.all([
    Promise.all(active.map(incident => latestUpdate(incident.id))),
    Promise.all(generations.map(generation => apiData('getPhaseList', { query: { generation } }))),
  ])
  return {
    at,
    components,
    incidents: shown,
    history: Object.fromEntries([...history].map(([componentId, row]) => [componentId, incidentDays(row)])),
    latestUpdates: Object.fromEntries(active.flatMap((incident, i) => latest[i] ? [[incident.id, latest[i]]] : [])),
    phases: Object.fromEntries(phaseLists.map(list => [list.generation, list.phases])),
    uptime: Object.fromEntries(uptime.map(entry => [entry.componentId, entry.periods
      .filter(period => period.days === HISTORY_DAYS)
      .map(({ days, uptime }) => ({ days, uptime }))])),
  }
}

export function useStatusOverview(maintenanceDays: () => number) {
  const { timeZone } = usePreferences()
  return useAsyncData('status:overview', () => fetchOverview(maintenanceDays(), timeZone.value))
}
