// The admin's view of the subscribers: how many hear of what, and the list as a CSV file.
import type { Subscriber } from '~~/openapi/subscription-schemas'

export interface ScopeCount {
  /** `everything`, a component's id or a label as key=value. */
  scope: string
  kind: 'everything' | 'component' | 'label'
  count: number
}

/** Subscribers per scope: those of everything, and per component and label (one may count in several). */
export function countByScope(subscribers: readonly Subscriber[]): ScopeCount[] {
  const counts = new Map<string, ScopeCount>()
  const add = (kind: ScopeCount['kind'], scope: string) => {
    const key = `${kind}\u0000${scope}`
    const entry = counts.get(key) ?? { kind, scope, count: 0 }
    entry.count++
    counts.set(key, entry)
  }
  for (const subscriber of subscribers) {
    const labels = Object.entries(subscriber.labels)
    if (subscriber.components.length === 0 && labels.length === 0) add('everything', 'everything')
    for (const id of subscriber.components) add('component', id)
    for (const [key, value] of labels) add('label', `${key}=${value}`)
  }
  const order = { everything: 0, component: 1, label: 2 }
  return [...counts.values()].sort((a, b) => order[a.kind] - order[b.kind] || b.count - a.count || a.scope.localeCompare(b.scope))
}

// RFC 4180: fields with a comma, quote or line break in quotes, quotes doubled. A leading =, +, -
// or @ would make a spreadsheet run the field as a formula, so such fields get a leading quote.
const field = (value: string) => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** The subscribers as CSV, one line each, components by name where known. */
export function subscribersCsv(subscribers: readonly Subscriber[], componentName: (id: string) => string = id => id): string {
  const header = ['email', 'confirmed', 'components', 'labels', 'locale', 'timeZone', 'createdAt']
  const rows = subscribers.map(subscriber => [
    subscriber.email,
    String(subscriber.confirmed),
    subscriber.components.map(componentName).join('; '),
    Object.entries(subscriber.labels).map(([key, value]) => `${key}=${value}`).join('; '),
    subscriber.locale,
    subscriber.timeZone,
    subscriber.createdAt,
  ])
  return [header, ...rows].map(row => row.map(field).join(',')).join('\r\n') + '\r\n'
}
