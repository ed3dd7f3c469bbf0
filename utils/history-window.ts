// The span of the history bars, and the incident window that covers it.
import { DAY } from '~~/shared/time'

export const HISTORY_DAYS = 90

/** Where to start reading incidents for the bars: a day early, since the visitor's day may begin up to 14 hours before UTC's. */
export const historyStart = (at: number) => new Date(at - (HISTORY_DAYS + 1) * DAY).toISOString()

export const daysLater = (at: number, days: number) => new Date(at + days * DAY).toISOString()
