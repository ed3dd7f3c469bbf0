import { listIncidentUpdates } from '../../../../services/incident-updates'

export default defineApiHandler(async event => ({
  data: await listIncidentUpdates(await useDatabase(), routeId(event, 'incidentId')),
}))
