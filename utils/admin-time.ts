// Times in the admin area: stored and sent as RFC 3339 instants, edited in the browser's time
// zone (shown through useAdminI18n's formatter, see components/admin/AdminTime.vue).

const pad = (n: number) => String(n).padStart(2, '0')

/** `YYYY-MM-DDTHH:mm` in the browser's zone, the value of a datetime-local input. */
export function toLocalInput(instant: string): string {
  const d = new Date(instant)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The instant a datetime-local value means in the browser's zone; undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  const time = value ? new Date(value).getTime() : Number.NaN
  return Number.isNaN(time) ? undefined : new Date(time).toISOString()
}

/** Units a length of time in seconds is edited and shown in, largest first. */
export const DURATION_UNITS = [{ name: 'hours', short: 'h', seconds: 3600 }, { name: 'minutes', short: 'min', seconds: 60 }, { name: 'seconds', short: 's', seconds: 1 }] as const

/** The largest unit that counts the seconds whole: 5400 is 90 minutes, 0 is 0 seconds. */
export const durationUnit = (seconds: number) => DURATION_UNITS.find(unit => seconds > 0 && seconds % unit.seconds === 0) ?? DURATION_UNITS[2]

/** `90 min`, `1 h`, `45 s`. */
export function durationText(seconds: number): string {
  const unit = durationUnit(seconds)
  return `${seconds / unit.seconds} ${unit.short}`
}
