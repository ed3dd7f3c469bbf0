// Timestamps with time zone, read from the database's text form ("0001-01-01 00:00:00+00").
// drizzle hands that text to Date's own parser, which reads years below 100 as 19xx or 20xx and
// refuses years below 1000, so the fields are taken apart here.
import { customType } from 'drizzle-orm/pg-core'

const TEXT_FORM = /^(\d{4,})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(\.\d+)?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?( BC)?$/

export function parseTimestamp(text: string): Date {
  const fields = TEXT_FORM.exec(text)
  if (!fields) return new Date(text)
  const [, year, month, day, hour, minute, second, fraction = '', sign, offsetHours = '0', offsetMinutes = '0', offsetSeconds = '0', bc] = fields
  const date = new Date(0)
  date.setUTCFullYear(bc ? 1 - Number(year) : Number(year), Number(month) - 1, Number(day))
  date.setUTCHours(Number(hour), Number(minute), Number(second), Math.floor(Number(`0${fraction}`) * 1000))
  const offset = (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60 + Number(offsetSeconds)) * 1000
  return new Date(date.getTime() - (sign === '-' ? -offset : offset))
}

/** A `timestamp with time zone` column, as a Date. */
export const instant = customType<{ data: Date, driverData: string }>({
  dataType: () => 'timestamp with time zone',
  fromDriver: value => parseTimestamp(value),
  toDriver: value => value.toISOString(),
})
