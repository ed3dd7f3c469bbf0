// For the history pages, which end where the first incident began. Internal to the page, not
// part of the API.
import { firstIncidentStart } from '../../services/incidents'
import { isoOrNull } from '../../../db/values'

export default defineEventHandler(async () => ({
  data: { beganAt: isoOrNull(await firstIncidentStart(await useDatabase())) },
}))
