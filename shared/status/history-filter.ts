// What the history page (/history) reads from its query string. The page cache keys the page by
// the same reading (server/cache/page-key.ts), so two spellings of one view share a render.

export interface HistoryFilter {
  /** Only what affected this component. */
  component?: string
  /** Only this day (YYYY-MM-DD). */
  day?: string
  /** Which few months, counted back from now (1 = the newest). */
  page: number
}

/** A query value as the router hands it out: absent, text, null for a bare `?name`, or a list. */
export type QueryValue = string | null | undefined | (string | null)[]

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/

const text = (value: QueryValue) => typeof value === 'string' && value !== '' ? value : undefined

export function historyFilter(query: Record<string, QueryValue>): HistoryFilter {
  const day = String(query.day)
  return {
    component: text(query.component),
    day: DAY_KEY.test(day) ? day : undefined,
    page: Math.max(1, Number.parseInt(String(query.page)) || 1),
  }
}

/** The filter as a query string, `?…` or empty, naming only what differs from the defaults. */
export function historyQuery({ component, day, page }: HistoryFilter): string {
  const query = new URLSearchParams()
  if (component) query.set('component', component)
  if (day) query.set('day', day)
  if (page > 1) query.set('page', String(page))
  const string = query.toString()
  return string && `?${string}`
}
