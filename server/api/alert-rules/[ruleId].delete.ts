import { alertmanagerOperations } from '../../../openapi/operations/alertmanager'
import { deleteAlertRule } from '../../services/alertmanager'

export default defineOperationHandler(alertmanagerOperations.deleteAlertRule, async ({ params }) => {
  await deleteAlertRule(await useDatabase(), params.ruleId)
})
