// Times in the admin area: stored and sent as RFC 3339 instants, edited and shown in the
// browser's time zone. The server cannot know that zone, so it renders UTC until hydration.

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

/** The same text on server and client before hydration: UTC, to the minute. */
export const utcText = (instant: string) => `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`

const localFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
export const localText = (instant: string) => localFormat.format(new Date(instant))
