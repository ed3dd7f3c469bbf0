export default defineStatuspageRead(({ status, components, unresolvedIncidents, upcomingMaintenances, activeMaintenances }) => ({
  components,
  incidents: unresolvedIncidents,
  scheduled_maintenances: [...activeMaintenances, ...upcomingMaintenances],
  status,
}))
