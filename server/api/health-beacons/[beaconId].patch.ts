import { beaconOperations } from '../../../openapi/operations/beacons'
import { scheduleBeaconCheck } from '../../notify/beacon-checks'
import { updateBeacon } from '../../services/beacons'

export default defineOperationHandler(beaconOperations.updateBeacon, async ({ params, body }) => {
  // A new interval or grace moves the check.
  await scheduleBeaconCheck(await updateBeacon(await useDatabase(), params.beaconId, body))
})
