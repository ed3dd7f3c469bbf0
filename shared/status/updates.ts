// Incident updates in the order visitors read them: newest first by when they happened, however
// they were entered (an update posted late may carry an earlier time).

export interface TimedUpdate {
  order: number
  createdAt: string
}

export function newestFirst<T extends TimedUpdate>(updates: readonly T[]): T[] {
  return [...updates].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.order - a.order)
}
