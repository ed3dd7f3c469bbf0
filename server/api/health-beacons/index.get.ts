import { beaconOperations } from '../../../openapi/operations/beacons'
import { listBeacons } from '../../services/beacons'

export default defineOperationHandler(beaconOperations.getBeacons, async ({ event }) => listBeacons(await useDatabase(), publicOrigin(event)))
