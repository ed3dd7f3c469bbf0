import { templateOperations } from '../../../openapi/operations/admin'
import { getTemplate } from '../../services/templates'

export default defineOperationHandler(templateOperations.getTemplate, async ({ params }) => getTemplate(await useDatabase(), params.templateId))
