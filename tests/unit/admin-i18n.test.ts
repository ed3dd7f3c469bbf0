import { describe, expect, it } from 'vitest'
import { adminMessages } from '../../shared/i18n/admin.ts'
import { toAdminProblem } from '../../utils/admin-problem.ts'

const { en, de } = adminMessages

/** Every text of a dictionary by its path; a function is called with a sample argument that serves as number and text. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (typeof value === 'function') return [[path, String(value(...Array.from({ length: value.length }, () => '7')))]]
  if (Array.isArray(value) || (value !== null && typeof value === 'object')) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key))
  }
  return [[path, String(value)]]
}

// Words German shares with English: a text may read the same in both only if made of these.
const SAME_IN_BOTH = new Set(['Name', 'Phase', 'Status', 'Token', 'Labels', 'Label', 'Logo', 'Link', 'Mail', 'Webhook', 'Webhooks',
  'Administration', 'Alertmanager', 'optional', 'Generation', 'Details'])
const sharedWords = (text: string) => text.split(/[^\p{L}]+/u).filter(Boolean).every(word => SAME_IN_BOTH.has(word))

describe('the admin dictionaries', () => {
  it('have the same keys in every language', () => {
    expect(leaves(de).map(([path]) => path)).toEqual(leaves(en).map(([path]) => path))
  })

  it('leave nothing in English in German, but for words both share', () => {
    const german = new Map(leaves(de))
    const untranslated = leaves(en)
      .filter(([path, text]) => german.get(path) === text && !sharedWords(text))
      .map(([path]) => path)
    expect(untranslated).toEqual([])
  })
})

describe('toAdminProblem', () => {
  const failure = (status: number, data?: object, headers: Record<string, string> = {}) =>
    ({ status, data: { type: 'about:blank', title: 'x', status, ...data }, response: new Response(null, { headers }) })
  const emptyPassword = failure(400, {
    detail: 'password: Too small: expected string to have >=1 characters',
    errors: [{ field: 'password', message: 'Too small: expected string to have >=1 characters', code: 'required' }],
  })

  it('says a refused field in a sentence, in the operator\'s language, never with the validator\'s text', () => {
    expect(toAdminProblem(emptyPassword, en.problem)).toEqual({ status: 400, message: 'Password: Please fill this in.', fields: { password: 'Please fill this in.' } })
    expect(toAdminProblem(emptyPassword, de.problem).message).toBe('Passwort: Bitte ausfüllen.')
  })

  it('names a nested field by its most specific known part, with the bound of its code', () => {
    const problem = toAdminProblem(failure(400, { errors: [{ field: 'affects[0].type', message: 'x', code: 'not_found' }, { field: 'displayName', message: 'x', code: 'too_long', limit: 200 }] }), de.problem)
    expect(problem.message).toBe('Auswirkungsart: Das gibt es nicht mehr; bitte etwas anderes wählen. Titel: Bitte höchstens 200 Zeichen eingeben.')
    expect(problem.fields['affects[0].type']).toBe('Das gibt es nicht mehr; bitte etwas anderes wählen.')
  })

  it('falls back to a generic sentence for a code or a field it does not know', () => {
    const problem = toAdminProblem(failure(400, { errors: [{ field: 'mystery', message: 'Invalid input', code: 'from_the_future' }] }), en.problem)
    expect(problem.message).toBe('An entry: This value is not accepted.')
  })

  it('says what a status means when no field is named', () => {
    expect(toAdminProblem(failure(409, { detail: 'Impact type x is used by incidents' }), en.problem).message).toBe(en.problem.status.conflict)
    expect(toAdminProblem(failure(429, {}, { 'retry-after': '30' }), de.problem).message).toBe('Zu viele Fehlversuche; bitte in 30 Sekunden erneut versuchen.')
    expect(toAdminProblem(new TypeError('fetch failed'), de.problem).message).toBe(de.problem.status.offline)
  })
})
