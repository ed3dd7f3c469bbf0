// The visitor's choices, kept in cookies so the server renders them: language, light or dark,
// palette, and the time zone that days are cut in (set by the browser, UTC until then).
import { PALETTES, THEME_MODES, type Palette } from './theme.ts'
import { isLocale, negotiateLocale, type Locale } from './i18n/index.ts'
import { DAY, SECOND } from './time.ts'

/** The first is the default: follow the system. */
export const THEME_PREFERENCES = ['system', ...THEME_MODES] as const
export type ThemePreference = typeof THEME_PREFERENCES[number]

export const COOKIES = { locale: 'locale', theme: 'theme', palette: 'palette', timeZone: 'tz' } as const

/** A year, in seconds as cookies count. */
export const COOKIE_MAX_AGE = 365 * DAY / SECOND

const oneOf = <T extends string>(values: readonly [T, ...T[]], value: unknown): T =>
  values.find(known => known === value) ?? values[0]

export const parseTheme = (value: unknown): ThemePreference => oneOf(THEME_PREFERENCES, value)

export const parsePalette = (value: unknown): Palette => oneOf(PALETTES, value)

export const parseLocale = (value: unknown): Locale | undefined => isLocale(value) ? value : undefined

/** The language a page renders in: the `locale` cookie, else the best match for Accept-Language. */
export const pageLocale = (cookie: unknown, acceptLanguage: string | undefined): Locale =>
  parseLocale(cookie) ?? negotiateLocale(acceptLanguage)

/** Whether the runtime knows `value` as a time zone (IANA names and their aliases). */
export function isTimeZone(value: string): boolean {
  return (value !== '' && parseTimeZone(value) !== 'UTC') || /^(Etc\/)?UTC$/.test(value)
}

export function parseTimeZone(value: unknown): string {
  if (typeof value !== 'string' || value === '') return 'UTC'
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone
  }
  catch {
    return 'UTC'
  }
}
