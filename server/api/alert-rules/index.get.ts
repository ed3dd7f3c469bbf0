import { alertmanagerOperations } from '../../../openapi/operations/alertmanager'
import { listAlertRules } from '../../services/alertmanager'

export default defineOperationHandler(alertmanagerOperations.getAlertRules, async () => listAlertRules(await useDatabase()))
