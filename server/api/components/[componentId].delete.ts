import { componentOperations } from '../../../openapi/operations/scs'
import { componentResource, deleteComponent } from '../../services/components'

export default defineOperationHandler(componentOperations.deleteComponent, async ({ event, params }) => {
  await writeIfMatch(event, componentResource(params.componentId), db => deleteComponent(db, params.componentId))
})
