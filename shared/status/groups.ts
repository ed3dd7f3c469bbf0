// Components grouped by their labels for the overview, e.g. by region, then by availability zone.

export interface Labelled {
  labels: Readonly<Record<string, string>>
}

export interface Grouping<T> {
  /** The components no (further) label splits. */
  components: T[]
  groups: ComponentGroup<T>[]
}

export interface ComponentGroup<T> extends Grouping<T> {
  /** The label this level groups by. */
  label: string
  /** The label's value; undefined for the components that lack the label. */
  value: string | undefined
}

const byValue = new Intl.Collator('en', { numeric: true }).compare

/**
 * Splits the components by the first label, each group by the next label, and so on. Groups come
 * in natural order of their values ("az 2" before "az 10"); the components without the label form
 * the last group. A label that none of the components has is skipped. Components keep their order.
 */
export function groupByLabels<T extends Labelled>(components: readonly T[], labels: readonly string[]): Grouping<T> {
  const [label, ...rest] = labels
  if (label === undefined) return { components: [...components], groups: [] }
  const split = new Map<string | undefined, T[]>()
  for (const component of components) {
    const value = Object.hasOwn(component.labels, label) ? component.labels[label] : undefined
    const members = split.get(value)
    if (members) members.push(component)
    else split.set(value, [component])
  }
  if (split.size === 1 && split.has(undefined)) return groupByLabels(components, rest)
  const groups = [...split]
    .sort(([a], [b]) => a === undefined ? 1 : b === undefined ? -1 : byValue(a, b))
    .map(([value, members]) => ({ label, value, ...groupByLabels(members, rest) }))
  return { components: [], groups }
}
