import { phaseOperations } from '../../../openapi/operations/scs'
import { getPhaseList } from '../../services/phases'

export default defineOperationHandler(phaseOperations.getPhaseList, async ({ query: { generation } }) =>
  getPhaseList(await useDatabase(), generation), { cached: true })
