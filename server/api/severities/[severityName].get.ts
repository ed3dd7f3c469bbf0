import { getSeverity } from '../../services/severities'

export default defineApiHandler(async event => ({
  data: await getSeverity(await useDatabase(), routeText(event, 'severityName')),
}))
