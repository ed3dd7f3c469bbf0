import { describe, expect, it } from 'vitest'
import { formErrorsOf, pageOf, scopeOf } from '../../server/notify/subscription-form.ts'
import { badRequest, invalidField, notFound, Problem } from '../../server/problem.ts'

const token = 'a'.repeat(43)

describe('scopeOf', () => {
  it('reads ticked components, chosen label values, language and time zone', () => {
    const form = new URLSearchParams([['components', 'c1'], ['components', 'c2'], ['label:region', 'de-west'], ['label:az', ''], ['label:a=b', 'x'], ['locale', 'de'], ['timeZone', 'Europe/Berlin']])
    expect(scopeOf(form)).toEqual({ components: ['c1', 'c2'], labels: { 'region': 'de-west', 'a=b': 'x' }, locale: 'de', timeZone: 'Europe/Berlin' })
  })

  it('is everything when nothing is ticked, and leaves language and time zone to the defaults', () => {
    expect(scopeOf(new URLSearchParams())).toEqual({ components: [], labels: {}, locale: undefined, timeZone: undefined })
  })
})

describe('pageOf', () => {
  it('carries a well-formed secret and the query', () => {
    expect(pageOf('/subscriptions/manage', token, { saved: '1' })).toBe(`/subscriptions/manage?token=${token}&saved=1`)
  })

  it('drops a malformed secret rather than echo it', () => {
    expect(pageOf('/subscriptions/manage', 'x"><script>')).toBe('/subscriptions/manage')
    expect(pageOf('/subscriptions/confirm', null)).toBe('/subscriptions/confirm')
  })
})

describe('formErrorsOf', () => {
  it.each([
    ['an unknown link', notFound('gone'), ['unknown']],
    ['an expired link', new Problem(410, 'Gone', 'expired'), ['expired']],
    ['a limit reached', new Problem(429, 'Too Many Requests', 'wait'), ['rate']],
    ['subscriptions unavailable', new Problem(503, 'Service Unavailable', 'no SMTP'), ['unavailable']],
    ['a body that is not a form', new Problem(415, 'Unsupported Media Type', 'not a form'), ['invalid']],
    ['a malformed secret', invalidField('token', 'not a subscription link'), ['unknown']],
    ['each field refused, once', badRequest('many', [{ field: 'email', message: 'x' }, { field: 'components[0]', message: 'x' }, { field: 'components[3]', message: 'x' }, { field: 'labels.region', message: 'x' }]), ['email', 'components', 'labels']],
    ['a refusal naming no field of the form', invalidField('body', 'strange'), ['invalid']],
  ] as const)('explains %s', (_, problem, errors) => {
    expect(formErrorsOf(problem)).toEqual(errors)
  })
})
