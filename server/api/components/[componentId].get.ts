import { componentOperations } from '../../../openapi/operations/scs'
import { getComponent } from '../../services/components'

export default defineOperationHandler(componentOperations.getComponent, async ({ params, query: { at } }) =>
  getComponent(await useDatabase(), params.componentId, at ? new Date(at) : undefined), { cached: true })
