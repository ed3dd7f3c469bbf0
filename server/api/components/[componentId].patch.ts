import { componentOperations } from '../../../openapi/operations/scs'
import { updateComponent } from '../../services/components'

export default defineOperationHandler(componentOperations.updateComponent, async ({ params, body }) => {
  await updateComponent(await useDatabase(), params.componentId, body)
})
