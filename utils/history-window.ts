// The span of the history bars, and the incident window that covers it.

export const HISTORY_DAYS = 90

const DAY_MS = 24 * 60 * 60 * 1000

/** Where to start reading incidents for the bars: a day early, since the visitor's day may begin up to 14 hours before UTC's. */
export const historyStart = (at: number) => new Date(at - (HISTORY_DAYS + 1) * DAY_MS).toISOString()

export const daysLater = (at: number, days: number) => new Date(at + days * DAY_MS).toISOString()
