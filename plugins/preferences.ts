// Applies the visitor's preferences before anything renders: the Vuetify theme and language (the
// vuetify plugin runs after ours), the document language, and on the client the time zone and the clock.
import { COOKIE_MAX_AGE, COOKIES, parseTimeZone } from '#shared/preferences'
import { zoneOffsets } from '#shared/status/days'
import { followSystemDark, themeName } from '#shared/theme'

export default defineNuxtPlugin((nuxtApp) => {
  const { locale, theme, palette, timeZone } = usePreferences()
  const light = themeName('light', palette.value)
  const dark = themeName('dark', palette.value)

  nuxtApp.hook('vuetify:before-create', ({ vuetifyOptions }) => {
    vuetifyOptions.theme = { ...vuetifyOptions.theme, defaultTheme: theme.value === 'dark' ? dark : light }
    vuetifyOptions.locale = { ...vuetifyOptions.locale, locale: locale.value, fallback: 'en' }
  })
  if (theme.value === 'system') {
    nuxtApp.hook('vuetify:ready', (vuetify) => {
      const css = followSystemDark(vuetify.theme.styles.value, light, dark)
      nuxtApp.runWithContext(() => useHead({ style: [{ key: 'follow-system-dark', textContent: css }] }))
    })
  }
  // The zone the times are in, for public/page-live.js to compare with the browser's.
  useHead({
    htmlAttrs: {
      'lang': locale,
      'data-time-zone': timeZone,
      'data-zone-offsets': computed(() => zoneOffsets(timeZone.value, new Date().getUTCFullYear())),
    },
  })

  if (import.meta.client) {
    const zoneCookie = useCookie(COOKIES.timeZone, { maxAge: COOKIE_MAX_AGE, sameSite: 'lax' })
    const now = useNow()
    // After hydration, which would otherwise see the new zone in the parts still suspended.
    onNuxtReady(() => {
      // Days and times were cut in the zone the cookie named (UTC on a first visit); switch to
      // the browser's, and the server uses it from the next request on.
      const zone = parseTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone)
      if (zone !== timeZone.value) {
        zoneCookie.value = zone
        timeZone.value = zone
      }
      // A page served from the page cache was rendered a while ago: catch up, then keep going.
      now.value = Date.now()
      setInterval(() => (now.value = Date.now()), 60_000)
    })
    // Fresh data is judged at the time it was read: an incident that just ended is over.
    nuxtApp.hook('app:data:refresh', () => {
      now.value = Date.now()
    })
  }
})
