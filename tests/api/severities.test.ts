import { afterAll, describe, expect, it } from 'vitest'
import { del, expectProblem, expectResponse, get, patch, post } from './client'
import { uniqueName } from './fixtures'
import { expectUnknownField } from './problems'
import { freeSeverityValues, severityJanitor } from './severity-fixtures'

const severities = severityJanitor()
afterAll(() => severities.cleanup())

const pathOf = (name: string) => `/api/severities/${encodeURIComponent(name)}`

const readSeverity = async (name: string) => expectResponse(await get(pathOf(name)), 'getSeverity', 200).data

const listSeverities = async () =>
  expectResponse(await get('/api/severities'), 'getSeverities', 200).data as { displayName: string, value: number }[]

/** Creates a severity by that name, then reads, patches and deletes it at its percent-encoded path. */
async function readPatchAndDelete(name: string) {
  const severity = await severities.create(undefined, name)
  expect(await readSeverity(name)).toEqual(severity)
  const [value] = await freeSeverityValues(1)
  expectResponse(await patch(pathOf(name), { value }), 'updateSeverity', 204)
  expect(await readSeverity(name)).toEqual({ displayName: name, value })
  expectResponse(await del(pathOf(name)), 'deleteSeverity', 204)
  expectProblem(await get(pathOf(name)), 404)
}

describe('severities', () => {
  it('creates a severity and answers 204 without a body', async () => {
    const [value] = await freeSeverityValues(1)
    const displayName = severities.track(uniqueName('Degraded'))
    const reply = await post('/api/severities', { displayName, value })
    expectResponse(reply, 'createSeverity', 204)
    expect(reply.body).toBe('')
    expect(await readSeverity(displayName)).toEqual({ displayName, value })
  })

  it('lists the severities by ascending value', async () => {
    const [low, high] = (await freeSeverityValues(2)).sort((a, b) => a - b)
    // Created in descending order, so insertion order would be wrong.
    const second = await severities.create(high)
    const first = await severities.create(low)

    const list = await listSeverities()
    const values = list.map(severity => severity.value)
    expect(values).toEqual([...values].sort((a, b) => a - b))
    expect(list.filter(s => [first.displayName, second.displayName].includes(s.displayName))).toEqual([first, second])
  })

  it.each(['partial outage', '50% slower', 'a&b=c;d', '100%25', 'größer ✓'])('reads, patches and deletes a severity named %j', async (prefix) => {
    await readPatchAndDelete(uniqueName(prefix))
  })

  // Each is one path segment, percent-encoded; `?` and `#` there must not start a query or fragment.
  it.each<[string, () => string]>([
    ['only ?', () => '?'],
    ['starting with ?', () => uniqueName('?odd')],
    ['starting with ?#', () => uniqueName('?#')],
    ['starting with #', () => uniqueName('#hash')],
    ['holding % and %3F', () => uniqueName('%3F is 100%')],
    ['ending with /', () => `${uniqueName('slash')}/`],
  ])('reads, patches and deletes a severity with a name %s', async (_, name) => {
    await readPatchAndDelete(name())
  })

  it('tells apart names that differ after a ? or only in how a ? is written', async () => {
    const stem = uniqueName('Stem')
    const created = [await severities.create(undefined, `${stem}?x`), await severities.create(undefined, `${stem}?y`), await severities.create(undefined, `${stem}%3Fx`)]
    for (const severity of created) expect(await readSeverity(severity.displayName)).toEqual(severity)
  })

  it('answers 400 for a name that is not valid percent-encoding', async () => {
    expectProblem(await get('/api/severities/%E2%82'), 400, 'severityName')
  })

  it('refuses a duplicate name or value with 409 and changes nothing', async () => {
    const existing = await severities.create()
    const [freeValue] = await freeSeverityValues(1)
    const before = await listSeverities()

    expectProblem(await post('/api/severities', { displayName: existing.displayName, value: freeValue }), 409, 'displayName')
    expectProblem(await post('/api/severities', { displayName: severities.track(uniqueName('Twin')), value: existing.value }), 409, 'value')
    expect(await listSeverities()).toEqual(before)
  })

  describe('refuses an invalid body with 400 naming the field, and creates nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['value 101', { value: 101 }, 'value'],
      ['value -1', { value: -1 }, 'value'],
      ['value 1.5', { value: 1.5 }, 'value'],
      ['value "50"', { value: '50' }, 'value'],
      ['value null', { value: null }, 'value'],
      ['a missing value', { value: undefined }, 'value'],
      ['a missing displayName', { displayName: undefined }, 'displayName'],
      ['an empty displayName', { displayName: '' }, 'displayName'],
    ]

    it.each(cases)('%s', async (_, overrides, field) => {
      const [value] = await freeSeverityValues(1)
      const body = { displayName: severities.track(uniqueName('Invalid')), value, ...overrides }
      const before = await listSeverities()
      expectProblem(await post('/api/severities', body), 400, field)
      expect(await listSeverities()).toEqual(before)
    })

    it('an unknown field', async () => {
      const [value] = await freeSeverityValues(1)
      const before = await listSeverities()
      expectUnknownField(await post('/api/severities', { displayName: severities.track(uniqueName('Coloured')), value, colour: 'red' }), 'colour')
      expect(await listSeverities()).toEqual(before)
    })
  })

  it('renames a severity: the new name answers, the old one is gone', async () => {
    const { displayName, value } = await severities.create()
    const renamed = severities.track(uniqueName('Renamed severity'))
    expectResponse(await patch(pathOf(displayName), { displayName: renamed }), 'updateSeverity', 204)
    expect(await readSeverity(renamed)).toEqual({ displayName: renamed, value })
    expectProblem(await get(pathOf(displayName)), 404)
  })

  it('changes the value of a severity and keeps its name', async () => {
    const { displayName } = await severities.create()
    const [value] = await freeSeverityValues(1)
    expectResponse(await patch(pathOf(displayName), { value }), 'updateSeverity', 204)
    expect(await readSeverity(displayName)).toEqual({ displayName, value })
  })

  it('accepts a GET body echoed back as a PATCH, and an empty PATCH', async () => {
    const severity = await severities.create()
    expectResponse(await patch(pathOf(severity.displayName), await readSeverity(severity.displayName)), 'updateSeverity', 204)
    expectResponse(await patch(pathOf(severity.displayName), {}), 'updateSeverity', 204)
    expect(await readSeverity(severity.displayName)).toEqual(severity)
  })

  it('refuses a PATCH to a taken name or value with 409, and to an invalid value with 400, changing nothing', async () => {
    const a = await severities.create()
    const b = await severities.create()
    const before = await listSeverities()
    expectProblem(await patch(pathOf(a.displayName), { displayName: b.displayName }), 409, 'displayName')
    expectProblem(await patch(pathOf(a.displayName), { value: b.value }), 409, 'value')
    expectProblem(await patch(pathOf(a.displayName), { value: 101 }), 400, 'value')
    expectProblem(await patch(pathOf(a.displayName), { displayName: '' }), 400, 'displayName')
    expect(await listSeverities()).toEqual(before)
  })

  it('deletes a severity: 204, then 404 for it', async () => {
    const { displayName } = await severities.create()
    const reply = await del(pathOf(displayName))
    expectResponse(reply, 'deleteSeverity', 204)
    expect(reply.body).toBe('')
    expectProblem(await get(pathOf(displayName)), 404)
    expectProblem(await del(pathOf(displayName)), 404)
    expect((await listSeverities()).map(s => s.displayName)).not.toContain(displayName)
  })

  it('frees the value of a deleted severity for a new one', async () => {
    const { displayName, value } = await severities.create()
    expectResponse(await del(pathOf(displayName)), 'deleteSeverity', 204)
    const successor = await severities.create(value)
    expect(await readSeverity(successor.displayName)).toEqual(successor)
  })

  it('answers 404 for an unknown name, and creates nothing', async () => {
    const name = uniqueName('No such severity')
    const [value] = await freeSeverityValues(1)
    const before = await listSeverities()
    expectProblem(await get(pathOf(name)), 404)
    expectProblem(await patch(pathOf(name), { value }), 404)
    expectProblem(await patch(pathOf(name), {}), 404)
    expectProblem(await del(pathOf(name)), 404)
    expect(await listSeverities()).toEqual(before)
  })
})
