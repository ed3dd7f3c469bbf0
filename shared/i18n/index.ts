// The languages the page speaks, and which one a visitor gets.
import { de } from './de.ts'
import { en, type Messages } from './en.ts'
import { byWeight } from '../weighted-header.ts'

export type { Messages }

export const messages = { en, de } satisfies Record<string, Messages>

export type Locale = keyof typeof messages

export const LOCALES = Object.keys(messages) as Locale[]

/** Each language named in itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' }

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && Object.hasOwn(messages, value)

/** The best match for an Accept-Language header, by quality, then order; English otherwise. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  for (const { value, q } of byWeight(acceptLanguage)) {
    const primary = value.split('-')[0]
    if (q > 0 && isLocale(primary)) return primary
  }
  return 'en'
}
