import { getSeverity } from '../../services/severities'

export default definePublicRead(async event => ({
  data: await getSeverity(await useDatabase(), routeText(event, 'severityName')),
}))
