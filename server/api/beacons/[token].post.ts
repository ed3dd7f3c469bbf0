import { beaconOperations } from '../../../openapi/operations/beacons'
import { receiveBeat } from '../../notify/beat'

export default defineOperationHandler(beaconOperations.beat, async ({ event, params, query }) => receiveBeat(event, params.token, query.status))
