// One component with its current impacts, the incidents of its history bar and its availability.

export function useComponentDetails(id: string) {
  const { timeZone } = usePreferences()
  return useAsyncData(`component:${id}`, async () => {
    const at = Date.now()
    const [component, incidents, impactTypes, uptime] = await Promise.all([
      apiData('getComponent', { params: { componentId: id } }),
      apiData('getIncidents', { query: { start: historyStart(at), end: daysLater(at, 0) } }),
      apiData('getImpactTypes'),
      apiData('getComponentUptime', { params: { componentId: id }, query: { timeZone: timeZone.value } }),
    ])
    return { component, incidents: incidents.filter(incident => incident.affects.some(impact => impact.reference === component.id)), impactTypes, uptime: uptime.periods }
  })
}
