import { listIncidentUpdates } from '../../../../services/incident-updates'

export default definePublicRead(async event => ({
  data: await listIncidentUpdates(await useDatabase(), routeId(event, 'incidentId')),
}))
