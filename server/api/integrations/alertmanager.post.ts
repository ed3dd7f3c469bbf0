import { alertmanagerOperations } from '../../../openapi/operations/alertmanager'
import { receiveAlerts } from '../../services/alertmanager'

export default defineOperationHandler(alertmanagerOperations.receiveAlerts, async ({ body }) => receiveAlerts(await useDatabase(), body))
