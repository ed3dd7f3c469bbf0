// The incidents of a time window around now, for the admin lists. The window is fixed when the
// page is rendered, so server and browser ask for the same one.
import { DAY } from '~~/shared/time'

export async function useAdminIncidents(key: string, pastDays: MaybeRefOrGetter<number>, futureDays = 366) {
  const now = useState(`admin-now-${key}`, () => Date.now())
  const window = computed(() => ({
    start: new Date(now.value - toValue(pastDays) * DAY).toISOString(),
    end: new Date(now.value + futureDays * DAY).toISOString(),
  }))
  const list = await useAdminList(`incidents-${key}`, 'getIncidents', { query: window })
  const newestFirst = computed(() => [...(list.data.value ?? [])].sort((a, b) => Date.parse(b.beganAt) - Date.parse(a.beganAt)))
  return { incidents: newestFirst, error: list.error, refresh: list.refresh, now }
}
