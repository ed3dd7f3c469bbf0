// One component with its current impacts and the incidents of its history bar.

export function useComponentDetails(id: string) {
  return useAsyncData(`component:${id}`, async () => {
    const at = Date.now()
    const [component, incidents, impactTypes] = await Promise.all([
      apiData('/api/components/{componentId}', { params: { componentId: id } }),
      apiData('/api/incidents', { query: { start: historyStart(at), end: new Date(at).toISOString() } }),
      apiData('/api/impacttypes'),
    ])
    return { component, incidents: incidents.filter(incident => incident.affects.some(impact => impact.reference === component.id)), impactTypes }
  })
}
