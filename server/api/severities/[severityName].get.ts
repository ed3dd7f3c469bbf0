import { getSeverity } from '../../services/severities'

export default defineApiHandler(async event => ({
  data: await getSeverity(await useDatabase(), getRouterParam(event, 'severityName', { decode: true })!),
}))
