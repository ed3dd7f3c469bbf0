import { componentOperations } from '../../../openapi/operations/scs'
import { listComponents } from '../../services/components'

export default defineOperationHandler(componentOperations.getComponents, async ({ query: { at } }) =>
  listComponents(await useDatabase(), at ? new Date(at) : undefined), { cached: true })
