import { componentOperations } from '../../../openapi/operations/scs'
import { createComponent } from '../../services/components'

export default defineOperationHandler(componentOperations.createComponent, async ({ body }) => createComponent(await useDatabase(), body))
