import { getTemplate } from '../../services/templates'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  return { data: await getTemplate(await useDatabase(), routeId(event, 'templateId')) }
})
