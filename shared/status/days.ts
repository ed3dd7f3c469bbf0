// Calendar days in an IANA time zone, for the per-day history bar. Days are cut by the zone's
// wall clock, so around DST changes a day lasts 23 or 25 hours.

import type { TimeSpan } from './incident.ts'

export interface ComponentImpact {
  reference: string
  severity: number
}

export interface HistoryIncident extends TimeSpan {
  id: string
  affects: readonly ComponentImpact[]
}

export interface DayImpact {
  worst: number | undefined
  incidentIds: string[]
}

const HOUR_MS = 60 * 60 * 1000
// Far enough either side of a wall-clock midnight read as UTC to lie outside that local day:
// offsets stay within -12h..+14h, DST gaps are at most a few hours.
const SEARCH_MS = 18 * HOUR_MS
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/

// Building a formatter is far slower than using one.
const formatters = new Map<string, Intl.DateTimeFormat>()
// A day's bounds never change, and every component's history asks for the same days.
const boundsCache = new Map<string, { start: number, end: number }>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, format)
  }
  return format
}

function wallClock(ms: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const clock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
  for (const { type, value } of formatter(timeZone).formatToParts(ms)) {
    if (Object.hasOwn(clock, type)) clock[type as keyof typeof clock] = Number(value)
  }
  return clock
}

// How far the zone's wall clock is ahead of UTC at that instant.
function offsetAt(ms: number, timeZone: string): number {
  const c = wallClock(ms, timeZone)
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(ms / 1000) * 1000
}

function parseDayKey(key: string): [number, number, number] {
  const match = DAY_KEY.exec(key)
  if (!match) throw new RangeError(`Not a day key (YYYY-MM-DD): ${key}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

// Calendar arithmetic on the UTC calendar, which has no DST to get in the way.
function utcDayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

function keyAt(ms: number, timeZone: string): string {
  const { year, month, day } = wallClock(ms, timeZone)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * The zone's offsets on 1 January and 1 July of the year, in minutes behind UTC as
 * `Date.prototype.getTimezoneOffset` gives them ("-60 -120" for Berlin): what a browser can tell
 * of its own zone without Intl. Zones that agree on both cut the days alike, but for the hours
 * between two different dates of changing the clocks.
 */
export function zoneOffsets(timeZone: string, year: number): string {
  return [0, 6].map(month => -offsetAt(Date.UTC(year, month, 1), timeZone) / 60_000).join(' ')
}

export function dayKey(date: Date, timeZone: string): string {
  return keyAt(date.getTime(), timeZone)
}

// Every history bar of a page asks for the same days: the last few lists are kept.
const lastDaysCache = new Map<string, readonly string[]>()

export function lastDays(now: Date, count: number, timeZone: string): readonly string[] {
  const today = dayKey(now, timeZone)
  const cacheKey = `${timeZone} ${today} ${count}`
  let days = lastDaysCache.get(cacheKey)
  if (!days) {
    const [year, month, day] = parseDayKey(today)
    days = Object.freeze(Array.from({ length: count }, (_, i) => utcDayKey(Date.UTC(year, month - 1, day - (count - 1 - i)))))
    if (lastDaysCache.size >= 16) lastDaysCache.delete(lastDaysCache.keys().next().value!)
    lastDaysCache.set(cacheKey, days)
  }
  return days
}

// The first instant whose local date is the given day.
function startOfDay(key: string, timeZone: string): number {
  const [year, month, day] = parseDayKey(key)
  const midnight = Date.UTC(year, month - 1, day)
  // Reading the offset a second time at the first guess lands on local midnight across a DST change.
  let start = midnight - offsetAt(midnight - offsetAt(midnight, timeZone), timeZone)
  if (keyAt(start, timeZone) !== key || keyAt(start - 1000, timeZone) >= key) {
    // Midnight was skipped (some zones change at 00:00) or happens twice: search for the day's
    // first second, since the local date only ever moves forward.
    let before = midnight - SEARCH_MS
    start = midnight + SEARCH_MS
    while (start - before > 1000) {
      const mid = before + Math.floor((start - before) / 2000) * 1000
      if (keyAt(mid, timeZone) >= key) start = mid
      else before = mid
    }
  }
  return start
}

function nextDayKey(key: string): string {
  const [year, month, day] = parseDayKey(key)
  return utcDayKey(Date.UTC(year, month - 1, day + 1))
}

function boundsMs(key: string, timeZone: string): { start: number, end: number } {
  const cacheKey = `${timeZone} ${key}`
  let bounds = boundsCache.get(cacheKey)
  if (!bounds) {
    bounds = { start: startOfDay(key, timeZone), end: startOfDay(nextDayKey(key), timeZone) }
    boundsCache.set(cacheKey, bounds)
  }
  return bounds
}

export function dayBounds(key: string, timeZone: string): { start: Date, end: Date } {
  const { start, end } = boundsMs(key, timeZone)
  return { start: new Date(start), end: new Date(end) }
}

/** A day with incidents, as the history bar shows it: the worst severity and how many incidents. */
export type DaySummary = [worst: number, incidents: number]

// For every component, the worst impact per day and the incidents behind it, in one pass over the
// incidents: each is parsed once and only visits the days its span [beganAt, endedAt ?? now)
// overlaps. The span is cut at now, so a planned end later today does not paint the rest of today
// in advance. Components no incident touches are left out.
export function worstByDayOfAll(
  incidents: readonly HistoryIncident[],
  days: readonly string[],
  timeZone: string,
  now: Date = new Date(),
): Map<string, Map<string, DayImpact>> {
  const slots = [...new Set(days)].map(day => ({ day, ...boundsMs(day, timeZone) })).sort((a, b) => a.start - b.start)
  const result = new Map<string, Map<string, DayImpact>>()
  const nowMs = now.getTime()
  for (const incident of incidents) {
    const began = Date.parse(incident.beganAt)
    const ended = Math.min(incident.endedAt === null ? nowMs : Date.parse(incident.endedAt), nowMs)
    // Also skips unparsable timestamps, which compare false.
    if (!(began < ended)) continue
    const first = firstEndingAfter(slots, began)
    for (const [componentId, severity] of worstPerComponent(incident.affects)) {
      let row = result.get(componentId)
      if (!row) result.set(componentId, row = noImpacts(days))
      for (let i = first; i < slots.length; i++) {
        const slot = slots[i]!
        if (slot.start >= ended) break
        const impact = row.get(slot.day)!
        impact.worst = Math.max(impact.worst ?? severity, severity)
        impact.incidentIds.push(incident.id)
      }
    }
  }
  return result
}

// For one component: its row of worstByDayOfAll.
export function worstByDay(
  incidents: readonly HistoryIncident[],
  componentId: string,
  days: readonly string[],
  timeZone: string,
  now: Date = new Date(),
): Map<string, DayImpact> {
  const affecting = incidents.filter(incident => incident.affects.some(impact => impact.reference === componentId))
  return worstByDayOfAll(affecting, days, timeZone, now).get(componentId) ?? noImpacts(days)
}

/** The days with incidents of a row of worstByDay, as the history bar takes them. */
export function incidentDays(row: ReadonlyMap<string, DayImpact>): Record<string, DaySummary> {
  const summaries: Record<string, DaySummary> = {}
  for (const [day, { worst, incidentIds }] of row) {
    if (worst !== undefined) summaries[day] = [worst, incidentIds.length]
  }
  return summaries
}

function noImpacts(days: readonly string[]): Map<string, DayImpact> {
  return new Map(days.map(day => [day, { worst: undefined, incidentIds: [] }]))
}

// An incident may affect a component more than once (several impact types): the highest counts.
function worstPerComponent(affects: readonly ComponentImpact[]): Map<string, number> {
  const worst = new Map<string, number>()
  for (const { reference, severity } of affects) worst.set(reference, Math.max(worst.get(reference) ?? severity, severity))
  return worst
}

// Binary search over days sorted by start: the first one still running at the given instant.
function firstEndingAfter(slots: readonly { end: number }[], ms: number): number {
  let low = 0
  let high = slots.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((slots[mid]?.end ?? Infinity) > ms) high = mid
    else low = mid + 1
  }
  return low
}
