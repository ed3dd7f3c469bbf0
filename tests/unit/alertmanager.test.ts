import { describe, expect, it } from 'vitest'
import { impactsOf } from '../../server/services/alertmanager.ts'

const rule = {
  id: 'r', matchers: { service: 'storage' }, componentId: 'c', impactTypeId: 't', severity: 40,
  severityByLabel: { critical: 90 }, createdAt: new Date(),
}
const firing = (labels: Record<string, string>) => ({ status: 'firing' as const, labels })

describe('impactsOf', () => {
  it('takes the severity its label maps to, else the rule\'s, and the worst per component', () => {
    expect(impactsOf([firing({ service: 'storage', severity: 'warning' }), firing({ service: 'storage', severity: 'critical' })], [rule]))
      .toEqual([{ reference: 'c', type: 't', severity: 90 }])
    expect(impactsOf([firing({ service: 'network' })], [rule])).toEqual([])
  })

  it.each(['__proto__', 'constructor', 'toString'])('does not take a severity label %s from the prototype', (severity) => {
    expect(impactsOf([firing({ service: 'storage', severity })], [rule])).toEqual([{ reference: 'c', type: 't', severity: 40 }])
  })
})
