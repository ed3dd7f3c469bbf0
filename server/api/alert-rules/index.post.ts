import { alertmanagerOperations } from '../../../openapi/operations/alertmanager'
import { createAlertRule } from '../../services/alertmanager'

export default defineOperationHandler(alertmanagerOperations.createAlertRule, async ({ body }) => createAlertRule(await useDatabase(), body))
