import { beaconOperations } from '../../../../openapi/operations/beacons'
import { takeOverIncident } from '../../../services/automated-incidents'

export default defineOperationHandler(beaconOperations.takeOverIncident, async ({ params }) => {
  await takeOverIncident(await useDatabase(), params.incidentId)
})
