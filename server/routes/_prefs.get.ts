// The display switches are plain links, so they work without JavaScript: this sets the cookie
// and sends the visitor back. A default choice removes the cookie.
import { z } from 'zod'
import { LOCALES } from '../../shared/i18n/index.ts'
import { COOKIE_MAX_AGE, COOKIES, THEME_PREFERENCES } from '../../shared/preferences.ts'
import { sameSitePath } from '../../shared/return-path.ts'
import { PALETTES } from '../../shared/theme.ts'

const Choice = z.object({
  locale: z.enum(['auto', ...LOCALES]).optional(),
  theme: z.enum(THEME_PREFERENCES).optional(),
  palette: z.enum(PALETTES).optional(),
  back: z.string().optional(),
})

// The first of each list is the default; `auto` is the language Accept-Language picks.
const DEFAULTS = new Set<string>(['auto', THEME_PREFERENCES[0], PALETTES[0]])

export default defineEventHandler((event) => {
  const choice = Choice.safeParse(getQuery(event))
  if (!choice.success) throw createError({ status: 400, statusText: 'Bad Request', message: 'Unknown display preference.' })
  const { back, ...preferences } = choice.data
  for (const [name, value] of Object.entries(preferences) as [keyof typeof preferences, string | undefined][]) {
    if (value === undefined) continue
    if (DEFAULTS.has(value)) deleteCookie(event, COOKIES[name], { path: '/' })
    else setCookie(event, COOKIES[name], value, { path: '/', maxAge: COOKIE_MAX_AGE, sameSite: 'lax' })
  }
  setResponseHeader(event, 'cache-control', 'no-store')
  return sendRedirect(event, sameSitePath(back), 303)
})
