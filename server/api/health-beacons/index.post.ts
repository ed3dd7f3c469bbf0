import { beaconOperations } from '../../../openapi/operations/beacons'
import { scheduleBeaconCheck } from '../../notify/beacon-checks'
import { createBeacon, listBeacons } from '../../services/beacons'

export default defineOperationHandler(beaconOperations.createBeacon, async ({ event, body }) => {
  const db = await useDatabase()
  const beacon = await createBeacon(db, body)
  await scheduleBeaconCheck(beacon)
  return (await listBeacons(db, publicOrigin(event))).find(entry => entry.id === beacon.id)!
})
