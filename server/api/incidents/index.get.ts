import { IncidentWindowQuery } from '../../../openapi/schemas'
import { listIncidents } from '../../services/incidents'

export default definePublicRead(async (event) => {
  const { start, end } = queryAs(event, IncidentWindowQuery)
  return { data: await listIncidents(await useDatabase(), new Date(start), new Date(end)) }
})
