import { describe, expect, it } from 'vitest'
import { createFormatter, relativeTime } from '../../shared/i18n/format.ts'
import { messages, negotiateLocale } from '../../shared/i18n/index.ts'

const MINUTE = 60_000
const now = Date.parse('2026-11-26T12:00:00Z')

describe('negotiateLocale', () => {
  it('takes the best supported language by quality, then order', () => {
    expect(negotiateLocale('de-DE,de;q=0.9,en;q=0.8')).toBe('de')
    expect(negotiateLocale('fr-FR, en-GB;q=0.5, de;q=0.7')).toBe('de')
    expect(negotiateLocale('en-US,de;q=0.9')).toBe('en')
  })

  it('falls back to English', () => {
    expect(negotiateLocale(undefined)).toBe('en')
    expect(negotiateLocale('fr, es;q=0.5')).toBe('en')
    expect(negotiateLocale('de;q=0')).toBe('en')
    expect(negotiateLocale('*')).toBe('en')
  })

  it.each([
    [undefined, 'en'],
    ['de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7', 'de'],
    ['en-GB,en;q=0.9,de;q=0.8', 'en'],
    ['fr-FR, fr;q=0.9, de;q=0.5', 'de'],
    ['fr, es', 'en'],
    ['en;q=0.3, de', 'de'],
    ['de;q=0, en', 'en'],
    ['DE-at', 'de'],
  ] as const)('%j gives %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected)
  })
})

describe('relativeTime', () => {
  it('picks a unit that reads naturally', () => {
    expect(relativeTime(now - 10_000, now, 'en')).toBe('10 seconds ago')
    expect(relativeTime(now - 40 * MINUTE, now, 'en')).toBe('40 minutes ago')
    expect(relativeTime(now - 50 * MINUTE, now, 'en')).toBe('1 hour ago')
    expect(relativeTime(now + 5 * 24 * 60 * MINUTE, now, 'en')).toBe('in 5 days')
    expect(relativeTime(now - 24 * 60 * MINUTE, now, 'de')).toBe('gestern')
    expect(relativeTime(now - 2 * 60 * MINUTE, now, 'de')).toBe('vor 2 Stunden')
  })
})

describe('createFormatter', () => {
  it('formats instants in the time zone and names it', () => {
    const iso = '2026-11-26T23:30:00Z'
    expect(createFormatter('en', 'UTC').dateTime(iso)).toBe('Nov 26, 2026, 11:30 PM UTC')
    expect(createFormatter('de', 'Europe/Berlin').dateTime(iso)).toBe('27. Nov. 2026, 00:30 MEZ')
  })

  it('formats day and month keys as calendar dates, whatever the zone', () => {
    const format = createFormatter('de', 'Pacific/Kiritimati')
    expect(format.day('2026-03-01')).toBe('01.03.2026')
    expect(format.month('2026-03')).toBe('März 2026')
    expect(createFormatter('en', 'America/Los_Angeles').day('2026-03-01')).toBe('Mar 1, 2026')
  })
})

describe('messages', () => {
  // The type system checks the shape; this catches a text left empty.
  it('has every German text filled in', () => {
    const walk = (en: unknown, de: unknown, path: string): string[] => {
      if (typeof en === 'string') return de === '' ? [path] : []
      if (typeof en === 'function') return typeof de === 'function' ? [] : [path]
      return Object.keys(en as object).flatMap(key => walk((en as never)[key], (de as never)[key], `${path}.${key}`))
    }
    expect(walk(messages.en, messages.de, 'de')).toEqual([])
  })
})
