import { SettingsPatch } from '../../../openapi/schemas'
import { updateSettings } from '../../services/settings'

export default defineApiHandler(async (event) => {
  await requireWriteAccess(event)
  const change = await readBodyAs(event, SettingsPatch)
  await updateSettings(await useDatabase(), change)
  return noContent(event)
})
