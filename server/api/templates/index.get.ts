import { templateOperations } from '../../../openapi/operations/admin'
import { listTemplates } from '../../services/templates'

export default defineOperationHandler(templateOperations.getTemplates, async () => listTemplates(await useDatabase()))
