// The visitor's preferences, read once per request from the cookies (and Accept-Language) and
// handed to the client in the payload, so both sides render the same.
import { COOKIES, pageLocale, parsePalette, parseTheme, parseTimeZone } from '#shared/preferences'

export function usePreferences() {
  return {
    locale: useState('preferences:locale', () =>
      pageLocale(useCookie(COOKIES.locale).value, useRequestHeader('accept-language') ?? undefined)),
    theme: useState('preferences:theme', () => parseTheme(useCookie(COOKIES.theme).value)),
    palette: useState('preferences:palette', () => parsePalette(useCookie(COOKIES.palette).value)),
    timeZone: useState('preferences:time-zone', () => parseTimeZone(useCookie(COOKIES.timeZone).value)),
  }
}
