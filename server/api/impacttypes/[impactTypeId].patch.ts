import { impactTypeOperations } from '../../../openapi/operations/scs'
import { updateImpactType } from '../../services/impact-types'

export default defineOperationHandler(impactTypeOperations.updateImpactType, async ({ params, body }) => {
  await updateImpactType(await useDatabase(), params.impactTypeId, body)
})
