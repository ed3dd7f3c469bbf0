import { TemplateRequest } from '../../../openapi/admin-schemas'
import { createTemplate } from '../../services/templates'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const input = await readBodyAs(event, TemplateRequest)
  return created(event, await createTemplate(await useDatabase(), input))
})
