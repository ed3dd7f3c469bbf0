// Calendar months in the visitor's time zone, for the history pages. A month key is YYYY-MM.
import { dayBounds, dayKey } from './days.ts'

const MONTH_KEY = /^(\d{4})-(\d{2})$/

export const isMonthKey = (value: unknown): value is string => typeof value === 'string' && MONTH_KEY.test(value)

export const monthKey = (date: Date, timeZone: string) => dayKey(date, timeZone).slice(0, 7)

/** The month `offset` months after the given one (before it, when negative). */
export function addMonths(key: string, offset: number): string {
  const match = MONTH_KEY.exec(key)
  if (!match) throw new RangeError(`Not a month key (YYYY-MM): ${key}`)
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1 + offset, 1))
  return date.toISOString().slice(0, 7)
}

/** From the first instant of the month to the first instant of the next one, in the time zone. */
export function monthBounds(key: string, timeZone: string): { start: Date, end: Date } {
  return { start: dayBounds(`${key}-01`, timeZone).start, end: dayBounds(`${addMonths(key, 1)}-01`, timeZone).start }
}

/** The `count` months ending with the given one, newest first. */
export const monthsUpTo = (key: string, count: number): string[] => Array.from({ length: count }, (_, i) => addMonths(key, -i))
