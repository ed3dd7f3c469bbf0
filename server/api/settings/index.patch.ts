import { settingsOperations } from '../../../openapi/operations/scs'
import { settingsResource, updateSettings } from '../../services/settings'

export default defineOperationHandler(settingsOperations.updateSettings, async ({ event, body }) => {
  await writeIfMatch(event, settingsResource, db => updateSettings(db, body))
})
