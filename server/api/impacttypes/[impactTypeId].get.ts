import { impactTypeOperations } from '../../../openapi/operations/scs'
import { getImpactType } from '../../services/impact-types'

export default defineOperationHandler(impactTypeOperations.getImpactType, async ({ params }) =>
  getImpactType(await useDatabase(), params.impactTypeId), { cached: true })
