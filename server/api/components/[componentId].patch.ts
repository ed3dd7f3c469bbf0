import { ComponentRequest } from '../../../openapi/schemas'
import { updateComponent } from '../../services/components'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const id = routeId(event, 'componentId')
  const patch = await readBodyAs(event, ComponentRequest.partial())
  await updateComponent(await useDatabase(), id, patch)
  return noContent(event)
})
