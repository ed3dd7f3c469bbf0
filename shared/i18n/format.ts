// Dates, times and counts in the visitor's language and time zone, through Intl alone.
import { DAY, HOUR, MINUTE, SECOND } from '../time.ts'

/** "1 incident", "3 incidents": English and German both single out exactly one. */
export const count = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`

// The largest unit that still reads naturally ("3 days ago" rather than "72 hours ago").
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['second', SECOND, 45 * SECOND],
  ['minute', MINUTE, 45 * MINUTE],
  ['hour', HOUR, 22 * HOUR],
  ['day', DAY, 26 * DAY],
  ['month', 30 * DAY, 320 * DAY],
  ['year', 365 * DAY, Infinity],
]

// Building an Intl formatter costs far more than using one, and a page formats thousands of
// dates; there are only so many languages and time zones, so each formatter is built once.
function once<T>(build: (key: string) => T): (key: string) => T {
  const built = new Map<string, T>()
  return (key) => {
    let value = built.get(key)
    if (value === undefined) built.set(key, value = build(key))
    return value
  }
}

const relativeFormat = once(locale => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }))

export function relativeTime(at: number, now: number, locale: string): string {
  const diff = at - now
  const [unit, size] = UNITS.find(([, , below]) => Math.abs(diff) < below)!
  return relativeFormat(locale).format(Math.round(diff / size), unit)
}

// Day and month keys name calendar dates, not instants: format them on the UTC calendar.
function fromKey(key: string): Date {
  const [year, month = 1, day = 1] = key.split('-').map(Number)
  return new Date(Date.UTC(year!, month - 1, day, 12))
}

export interface Formatter {
  /** An instant, with the time zone named: "Nov 26, 2026, 3:05 PM UTC". */
  dateTime: (iso: string) => string
  /** A day key (YYYY-MM-DD): "Nov 26, 2026". */
  day: (key: string) => string
  /** A month key (YYYY-MM): "November 2026". */
  month: (key: string) => string
  relative: (iso: string, now: number) => string
  /** A share with two decimals, cut rather than rounded up: 0.99996 → "99.99%". */
  percent: (fraction: number) => string
}

const formatters = once((key) => {
  const [locale, timeZone] = key.split(' ') as [string, string]
  return buildFormatter(locale, timeZone)
})

export const createFormatter = (locale: string, timeZone: string): Formatter => formatters(`${locale} ${timeZone}`)

function buildFormatter(locale: string, timeZone: string): Formatter {
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short',
  })
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' })
  const month = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 })
  return {
    dateTime: iso => dateTime.format(new Date(iso)),
    day: key => day.format(fromKey(key)),
    month: key => month.format(fromKey(key)),
    relative: (iso, now) => relativeTime(Date.parse(iso), now, locale),
    percent: fraction => percent.format(Math.floor(fraction * 10_000) / 10_000),
  }
}
