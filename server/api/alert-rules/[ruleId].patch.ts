import { alertmanagerOperations } from '../../../openapi/operations/alertmanager'
import { updateAlertRule } from '../../services/alertmanager'

export default defineOperationHandler(alertmanagerOperations.updateAlertRule, async ({ params, body }) => {
  await updateAlertRule(await useDatabase(), params.ruleId, body)
})
