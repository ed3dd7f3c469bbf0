// The incidents of one window of the history pages, the components to filter by, and where the
// history begins.

export function useIncidentHistory(window: Ref<{ start: string, end: string }>) {
  return useAsyncData(() => `history:${window.value.start}:${window.value.end}`, async () => {
    const [incidents, components, first] = await Promise.all([
      apiData('getIncidents', { query: window.value }),
      apiData('getComponents'),
      $fetch('/_status/first-incident').then(reply => reply.data),
    ])
    return { incidents, components, firstBeganAt: first.beganAt }
  })
}
