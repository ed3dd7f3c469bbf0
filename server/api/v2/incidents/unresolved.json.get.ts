export default defineStatuspageRead(({ unresolvedIncidents }) => ({ incidents: unresolvedIncidents }))
