import { TemplateRequest } from '../../../openapi/admin-schemas'
import { updateTemplate } from '../../services/templates'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const id = routeId(event, 'templateId')
  const patch = await readBodyAs(event, TemplateRequest.partial())
  await updateTemplate(await useDatabase(), id, patch)
  return noContent(event)
})
