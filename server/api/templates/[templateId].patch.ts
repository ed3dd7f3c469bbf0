import { templateOperations } from '../../../openapi/operations/admin'
import { updateTemplate } from '../../services/templates'

export default defineOperationHandler(templateOperations.updateTemplate, async ({ params, body }) => {
  await updateTemplate(await useDatabase(), params.templateId, body)
})
