import { templateOperations } from '../../../openapi/operations/admin'
import { deleteTemplate } from '../../services/templates'

export default defineOperationHandler(templateOperations.deleteTemplate, async ({ params }) => {
  await deleteTemplate(await useDatabase(), params.templateId)
})
