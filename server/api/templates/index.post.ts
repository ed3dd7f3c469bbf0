import { templateOperations } from '../../../openapi/operations/admin'
import { createTemplate } from '../../services/templates'

export default defineOperationHandler(templateOperations.createTemplate, async ({ body }) => createTemplate(await useDatabase(), body))
