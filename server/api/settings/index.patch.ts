import { settingsOperations } from '../../../openapi/operations/scs'
import { updateSettings } from '../../services/settings'

export default defineOperationHandler(settingsOperations.updateSettings, async ({ body }) => {
  await updateSettings(await useDatabase(), body)
})
