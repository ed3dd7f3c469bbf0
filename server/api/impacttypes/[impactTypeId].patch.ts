import { impactTypeOperations } from '../../../openapi/operations/scs'
import { impactTypeResource, updateImpactType } from '../../services/impact-types'

export default defineOperationHandler(impactTypeOperations.updateImpactType, async ({ event, params, body }) => {
  await writeIfMatch(event, impactTypeResource(params.impactTypeId), db => updateImpactType(db, params.impactTypeId, body))
})
