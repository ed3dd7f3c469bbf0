// The overview's component list: the components, each one's days with incidents in the history
// bars, and their availability. The list is rendered on the server and never hydrated
// (components/status/StatusComponentList.vue), so there its data is read directly and stays out
// of the hydration payload, the largest part of which it was. In the browser, after navigating to
// the overview, it is ordinary async data, which live refresh refetches.
import type { ComponentData } from '~~/openapi/schemas'
import type { PeriodUptimeData } from '~~/openapi/uptime-schemas'
import { incidentDays, lastDays, worstByDayOfAll, type DaySummary } from '#shared/status/days'

export interface ComponentHistory {
  /** When the history ends (ms). */
  at: number
  components: ComponentData[]
  /** Each component's days with incidents, by component id. */
  history: Record<string, Record<string, DaySummary>>
  /** Each component's availability over the history bars' days, by component id. */
  uptime: Record<string, Pick<PeriodUptimeData, 'days' | 'uptime'>[]>
}

async function fetchComponentHistory(timeZone: string, maintenanceDays: number): Promise<ComponentHistory> {
  const at = Date.now()
  // The bars count only what has begun; the maintenance ahead in the answer is skipped.
  const [components, incidents, uptime] = await Promise.all([
    apiData('getComponents'),
    overviewIncidents(at, maintenanceDays),
    apiData('getUptime', { query: { timeZone } }),
  ])
  const history = worstByDayOfAll(incidents, lastDays(new Date(at), HISTORY_DAYS, timeZone), timeZone, new Date(at))
  return {
    at,
    components,
    history: Object.fromEntries([...history].map(([componentId, row]) => [componentId, incidentDays(row)])),
    uptime: Object.fromEntries(uptime.map(entry => [entry.componentId, entry.periods
      .filter(period => period.days === HISTORY_DAYS)
      .map(({ days, uptime }) => ({ days, uptime }))])),
  }
}

/** The list's data; undefined where it could not be read (the overview says so). */
export async function useComponentHistory(): Promise<Readonly<Ref<ComponentHistory | undefined>>> {
  const { timeZone } = usePreferences()
  const maintenanceDays = useMaintenanceDays()
  const fetch = () => fetchComponentHistory(timeZone.value, maintenanceDays.value)
  if (import.meta.server) return shallowRef(await fetch().catch(() => undefined))
  const { data } = await useAsyncData('status:component-history', fetch)
  return computed(() => data.value ?? undefined)
}
