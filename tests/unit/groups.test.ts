import { describe, expect, it } from 'vitest'
import { groupByLabels } from '../../shared/status/groups.ts'

const component = (name: string, labels: Record<string, string> = {}) => ({ name, labels })
const names = (components: { name: string }[]) => components.map(c => c.name)

describe('groupByLabels', () => {
  it('groups by region, then by zone, with the unlabelled ones last at each level', () => {
    const grouping = groupByLabels([
      component('DNS'),
      component('Compute west 2', { region: 'west', az: '2' }),
      component('Object storage west', { region: 'west' }),
      component('Compute east 1', { region: 'east', az: '1' }),
      component('Compute west 1', { region: 'west', az: '1' }),
    ], ['region', 'az'])

    expect(grouping.components).toEqual([])
    expect(grouping.groups.map(g => [g.label, g.value])).toEqual([['region', 'east'], ['region', 'west'], ['region', undefined]])
    const [east, west, other] = grouping.groups
    expect(east!.groups.map(g => [g.value, names(g.components)])).toEqual([['1', ['Compute east 1']]])
    expect(west!.groups.map(g => [g.value, names(g.components)])).toEqual([
      ['1', ['Compute west 1']],
      ['2', ['Compute west 2']],
      [undefined, ['Object storage west']],
    ])
    // No component outside a region has a zone, so that group is not split again.
    expect(other!.groups).toEqual([])
    expect(names(other!.components)).toEqual(['DNS'])
  })

  it('orders values naturally and keeps the components in their order', () => {
    const grouping = groupByLabels([
      component('b', { az: 'az 10' }),
      component('a', { az: 'az 2' }),
      component('c', { az: 'az 10' }),
    ], ['az'])
    expect(grouping.groups.map(g => [g.value, names(g.components)])).toEqual([['az 2', ['a']], ['az 10', ['b', 'c']]])
  })

  it('lists the components flat when no label applies', () => {
    const components = [component('a', { tier: 'gold' }), component('b')]
    expect(groupByLabels(components, [])).toEqual({ components, groups: [] })
    expect(groupByLabels(components, ['region'])).toEqual({ components, groups: [] })
  })

  it('tells an empty label value apart from a missing label', () => {
    const grouping = groupByLabels([component('a', { region: '' }), component('b')], ['region'])
    expect(grouping.groups.map(g => [g.value, names(g.components)])).toEqual([['', ['a']], [undefined, ['b']]])
  })
})
