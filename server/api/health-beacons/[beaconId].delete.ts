import { beaconOperations } from '../../../openapi/operations/beacons'
import { deleteBeacon } from '../../services/beacons'

export default defineOperationHandler(beaconOperations.deleteBeacon, async ({ params }) => {
  await deleteBeacon(await useDatabase(), params.beaconId)
})
