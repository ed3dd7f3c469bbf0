import { deleteTemplate } from '../../services/templates'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  await deleteTemplate(await useDatabase(), routeId(event, 'templateId'))
  return noContent(event)
})
