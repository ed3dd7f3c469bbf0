import { describe, expect, it } from 'vitest'
import type { Subscriber } from '../../openapi/subscription-schemas'
import { countByScope, subscribersCsv } from '../../utils/subscribers'

const subscriber = (overrides: Partial<Subscriber> = {}): Subscriber => ({
  id: crypto.randomUUID(), email: 'ops@example.test', components: [], labels: {}, locale: 'en', timeZone: 'UTC',
  confirmed: true, createdAt: '2026-12-01T10:00:00.000Z', ...overrides,
})

describe('countByScope', () => {
  it('counts everything, each component and each label, a subscriber in each of its scopes', () => {
    expect(countByScope([
      subscriber(),
      subscriber(),
      subscriber({ components: ['c1', 'c2'] }),
      subscriber({ components: ['c1'], labels: { region: 'de-west' } }),
      subscriber({ labels: { region: 'de-west' } }),
    ])).toEqual([
      { kind: 'everything', scope: 'everything', count: 2 },
      { kind: 'component', scope: 'c1', count: 2 },
      { kind: 'component', scope: 'c2', count: 1 },
      { kind: 'label', scope: 'region=de-west', count: 2 },
    ])
  })

  it('is empty without subscribers', () => {
    expect(countByScope([])).toEqual([])
  })
})

describe('subscribersCsv', () => {
  it('has a header and a line per subscriber, components by name', () => {
    const csv = subscribersCsv([subscriber({ components: ['c1'], labels: { region: 'de-west', az: '1' } })], id => (id === 'c1' ? 'Compute' : id))
    expect(csv).toBe('email,confirmed,components,labels,locale,timeZone,createdAt\r\n'
      + 'ops@example.test,true,Compute,region=de-west; az=1,en,UTC,2026-12-01T10:00:00.000Z\r\n')
  })

  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const csv = subscribersCsv([subscriber({ labels: { team: 'a,"b"' }, components: ['=HYPERLINK("x")'] })])
    const line = csv.split('\r\n')[1]
    expect(line).toContain('"\'=HYPERLINK(""x"")"')
    expect(line).toContain('"team=a,""b"""')
  })
})
