// The languages the page speaks, and which one a visitor gets.
import { de } from './de.ts'
import { en, type Messages } from './en.ts'

export type { Messages }

export const messages = { en, de } satisfies Record<string, Messages>

export type Locale = keyof typeof messages

export const LOCALES = Object.keys(messages) as Locale[]

/** Each language named in itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' }

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && Object.hasOwn(messages, value)

/** The best match for an Accept-Language header, by quality, then order; English otherwise. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  const ranges = (acceptLanguage ?? '').split(',').map((part, index) => {
    const [tag = '', ...params] = part.trim().split(';')
    const q = params.map(p => p.trim()).find(p => p.startsWith('q='))
    return { language: tag.trim().toLowerCase().split('-')[0], quality: q ? Number(q.slice(2)) : 1, index }
  })
  const best = ranges
    .filter(range => range.quality > 0 && isLocale(range.language))
    .sort((a, b) => b.quality - a.quality || a.index - b.index)[0]
  return (best?.language as Locale | undefined) ?? 'en'
}
