import { getIncident } from '../../../services/incidents'

export default definePublicRead(async event => ({
  data: await getIncident(await useDatabase(), routeId(event, 'incidentId')),
}))
