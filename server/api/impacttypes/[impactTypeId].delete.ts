import { impactTypeOperations } from '../../../openapi/operations/scs'
import { deleteImpactType } from '../../services/impact-types'

export default defineOperationHandler(impactTypeOperations.deleteImpactType, async ({ params }) => {
  await deleteImpactType(await useDatabase(), params.impactTypeId)
})
