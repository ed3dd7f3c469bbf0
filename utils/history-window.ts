// The span of the history bars, and the incident window that covers it.
import { DAY, MINUTE } from '~~/shared/time'

export const HISTORY_DAYS = 90

// Windows are widened to whole minutes, so every page read within a minute asks the API the same
// question, which its cache answers once rather than once per visitor.
const minuteBefore = (ms: number) => new Date(Math.floor(ms / MINUTE) * MINUTE).toISOString()
const minuteAfter = (ms: number) => new Date(Math.ceil(ms / MINUTE) * MINUTE).toISOString()

/** Where to start reading incidents for the bars: a day early, since the visitor's day may begin up to 14 hours before UTC's. */
export const historyStart = (at: number) => minuteBefore(at - (HISTORY_DAYS + 1) * DAY)

export const daysLater = (at: number, days: number) => minuteAfter(at + days * DAY)
