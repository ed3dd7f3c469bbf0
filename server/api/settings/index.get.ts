import { settingsOperations } from '../../../openapi/operations/scs'
import { getSettings } from '../../services/settings'

export default defineOperationHandler(settingsOperations.getSettings, async () => getSettings(await useDatabase()), { cached: true })
