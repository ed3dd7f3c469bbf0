import { impactTypeOperations } from '../../../openapi/operations/scs'
import { deleteImpactType, impactTypeResource } from '../../services/impact-types'

export default defineOperationHandler(impactTypeOperations.deleteImpactType, async ({ event, params }) => {
  await writeIfMatch(event, impactTypeResource(params.impactTypeId), db => deleteImpactType(db, params.impactTypeId))
})
