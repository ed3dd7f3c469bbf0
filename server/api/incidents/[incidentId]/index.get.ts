import { getIncident } from '../../../services/incidents'

export default defineApiHandler(async event => ({
  data: await getIncident(await useDatabase(), routeId(event, 'incidentId')),
}))
