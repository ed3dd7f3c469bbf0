// One incident with everything its page shows: updates, affected components and impact types by
// name, and the phase list of its generation.

export function useIncidentDetails(id: string) {
  return useAsyncData(`incident:${id}`, async () => {
    const incident = await apiData('getIncident', { params: { incidentId: id } })
    const [updates, components, impactTypes, phases] = await Promise.all([
      apiData('getIncidentUpdates', { params: { incidentId: incident.id } }),
      apiData('getComponents'),
      apiData('getImpactTypes'),
      incident.phase ? apiData('getPhaseList', { query: { generation: incident.phase.generation } }) : undefined,
    ])
    return { incident, updates, components, impactTypes, phases: phases?.phases ?? [] }
  })
}
