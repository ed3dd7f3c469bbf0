import { describe, expect, it } from 'vitest'
import { changedKeys, conflictRows } from '../../utils/admin-conflict.ts'

describe('a conflict in words', () => {
  const started = { displayName: 'Storage', labels: { region: 'west' }, value: 3 }
  const current = { displayName: 'Object storage', labels: { region: 'west', az: '2' }, value: 3 }

  it('names only the fields the colleague changed', () => {
    expect(changedKeys(['displayName', 'labels', 'value'], started, current)).toEqual(['displayName', 'labels'])
  })

  it('puts the operator\'s value beside the saved one, records as key=value and nothing as the word for none', () => {
    const mine = { displayName: 'Block storage', labels: {} }
    const rows = conflictRows(['displayName', 'labels'], mine, current, { labels: { displayName: 'Name' }, none: 'none' })
    expect(rows).toEqual([
      { field: 'displayName', label: 'Name', mine: 'Block storage', theirs: 'Object storage' },
      { field: 'labels', label: 'labels', mine: 'none', theirs: 'region=west, az=2' },
    ])
  })

  it('uses a field\'s own format where one is given', () => {
    const rows = conflictRows(['createdAt'], { createdAt: '2026-01-01T00:00:00Z' }, { createdAt: null }, {
      labels: { createdAt: 'Posted' }, none: '–', format: { createdAt: (iso: string) => iso.slice(0, 10) },
    })
    expect(rows).toEqual([{ field: 'createdAt', label: 'Posted', mine: '2026-01-01', theirs: '–' }])
  })
})
