import { componentOperations } from '../../../openapi/operations/scs'
import { componentResource, updateComponent } from '../../services/components'

export default defineOperationHandler(componentOperations.updateComponent, async ({ event, params, body }) => {
  await writeIfMatch(event, componentResource(params.componentId), db => updateComponent(db, params.componentId, body))
})
