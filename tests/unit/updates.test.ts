import { describe, expect, it } from 'vitest'
import { newestFirst } from '../../shared/status/updates.ts'

describe('newestFirst', () => {
  it('sorts by time, not by the order of entry, and breaks ties by order', () => {
    const updates = [
      { order: 0, createdAt: '2026-11-26T10:00:00Z' },
      { order: 1, createdAt: '2026-11-26T12:00:00Z' },
      // Entered last, but about something earlier.
      { order: 2, createdAt: '2026-11-26T11:00:00+00:00' },
      { order: 3, createdAt: '2026-11-26T12:00:00Z' },
    ]
    expect(newestFirst(updates).map(u => u.order)).toEqual([3, 1, 2, 0])
    expect(updates.map(u => u.order)).toEqual([0, 1, 2, 3])
  })
})
