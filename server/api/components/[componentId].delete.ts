import { deleteComponent } from '../../services/components'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  await deleteComponent(await useDatabase(), routeId(event, 'componentId'))
  return noContent(event)
})
