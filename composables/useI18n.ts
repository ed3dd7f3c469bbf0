// Texts and formats in the visitor's language and time zone.
import { createFormatter } from '#shared/i18n/format'
import { messages } from '#shared/i18n/index'

export function useI18n() {
  const { locale, timeZone } = usePreferences()
  const now = useNow()
  const t = computed(() => messages[locale.value])
  const format = computed(() => createFormatter(locale.value, timeZone.value))
  return {
    t,
    locale,
    timeZone,
    formatDateTime: (iso: string) => format.value.dateTime(iso),
    formatDay: (key: string) => format.value.day(key),
    formatMonth: (key: string) => format.value.month(key),
    formatRelative: (iso: string) => format.value.relative(iso, now.value),
    formatPercent: (fraction: number) => format.value.percent(fraction),
  }
}
