// Lengths of time in milliseconds, as Date arithmetic counts them. A day here is 24 hours; the
// calendar days of a time zone are in status/days.ts.
export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
