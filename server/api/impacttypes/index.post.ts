import { impactTypeOperations } from '../../../openapi/operations/scs'
import { createImpactType } from '../../services/impact-types'

export default defineOperationHandler(impactTypeOperations.createImpactType, async ({ body }) => createImpactType(await useDatabase(), body))
