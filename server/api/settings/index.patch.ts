import { SettingsPatch } from '../../../openapi/schemas'
import { updateSettings } from '../../services/settings'

// Admins, not editors, change how the public page looks; read-write tokens may, for automation.
export default defineApiHandler(async (event) => {
  await requireWriteAccess(event, 'admin')
  const change = await readBodyAs(event, SettingsPatch)
  await updateSettings(await useDatabase(), change)
  return noContent(event)
})
