// The incidents of one window of the history pages, the components to filter by, and where the
// history begins.
import type { ComponentData, IncidentData } from '~~/openapi/schemas'

export function useIncidentHistory(window: Ref<{ start: string, end: string }>) {
  return useAsyncData(() => `history:${window.value.start}:${window.value.end}`, async () => {
    const [incidents, components, first] = await Promise.all([
      apiData<IncidentData[]>('/api/incidents', window.value),
      apiData<ComponentData[]>('/api/components'),
      apiData<{ beganAt: string | null }>('/_status/first-incident'),
    ])
    return { incidents, components, firstBeganAt: first.beganAt }
  })
}
