import { SettingsPatch } from '../../../openapi/schemas'
import { updateSettings } from '../../services/settings'

// Admins, not editors, change how the public page looks (its title, logo and links), and of the
// tokens only STATUS_PAGE_ADMIN_TOKEN: an incident-reporting token must not be able to reword them.
export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const change = await readBodyAs(event, SettingsPatch)
  await updateSettings(await useDatabase(), change)
  return noContent(event)
})
