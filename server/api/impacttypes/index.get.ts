import { impactTypeOperations } from '../../../openapi/operations/scs'
import { listImpactTypes } from '../../services/impact-types'

export default defineOperationHandler(impactTypeOperations.getImpactTypes, async () => listImpactTypes(await useDatabase()), { cached: true })
