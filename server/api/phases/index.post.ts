import { phaseOperations } from '../../../openapi/operations/scs'
import { createPhaseList } from '../../services/phases'

export default defineOperationHandler(phaseOperations.createPhaseList, async ({ body }) => createPhaseList(await useDatabase(), body.phases))
