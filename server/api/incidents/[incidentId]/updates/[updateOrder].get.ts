import { getIncidentUpdate } from '../../../../services/incident-updates'

export default definePublicRead(async event => ({
  data: await getIncidentUpdate(await useDatabase(), routeId(event, 'incidentId'), routeOrder(event, 'updateOrder')),
}))
