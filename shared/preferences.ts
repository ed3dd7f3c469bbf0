// The visitor's choices, kept in cookies so the server renders them: language, light or dark,
// palette, and the time zone that days are cut in (set by the browser, UTC until then).
import type { Palette } from './theme.ts'
import { isLocale, type Locale } from './i18n/index.ts'

export type ThemePreference = 'system' | 'light' | 'dark'

export const COOKIES = { locale: 'locale', theme: 'theme', palette: 'palette', timeZone: 'tz' } as const

export const COOKIE_MAX_AGE = 60 * 60 * 24 * 365

export const parseTheme = (value: unknown): ThemePreference => value === 'light' || value === 'dark' ? value : 'system'

export const parsePalette = (value: unknown): Palette => value === 'colorblind' ? value : 'standard'

export const parseLocale = (value: unknown): Locale | undefined => isLocale(value) ? value : undefined

export function parseTimeZone(value: unknown): string {
  if (typeof value !== 'string' || value === '') return 'UTC'
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone
  }
  catch {
    return 'UTC'
  }
}

/** A path on this site to return to; anything else (another origin, `//host`) goes home. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/'
}
