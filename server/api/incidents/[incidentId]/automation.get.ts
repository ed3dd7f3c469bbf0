import { beaconOperations } from '../../../../openapi/operations/beacons'
import { getIncidentAutomation } from '../../../services/automated-incidents'

export default defineOperationHandler(beaconOperations.getIncidentAutomation, async ({ params }) => getIncidentAutomation(await useDatabase(), params.incidentId))
