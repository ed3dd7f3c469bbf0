// The admin area's texts in the operator's language, with the public pages' formats and time
// zone. Only admin code uses it, so the public pages never load these dictionaries.
import { adminMessages } from '#shared/i18n/admin'

export function useAdminI18n() {
  const i18n = useI18n()
  return { ...i18n, t: computed(() => adminMessages[i18n.locale.value]), publicTexts: i18n.t }
}
