import { componentOperations } from '../../../openapi/operations/scs'
import { deleteComponent } from '../../services/components'

export default defineOperationHandler(componentOperations.deleteComponent, async ({ params }) => {
  await deleteComponent(await useDatabase(), params.componentId)
})
