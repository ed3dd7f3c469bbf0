import { describe, expect, it } from 'vitest'
import { expectProblem, expectResponse, get, post } from './client'
import { createPhaseList, query, uniqueName } from './fixtures'
import { expectUnknownField } from './problems'

const readPhases = async (generation?: number | string) =>
  expectResponse(await get(`/api/phases${generation === undefined ? '' : query({ generation: String(generation) })}`), 'getPhaseList', 200).data

/** A phase list no other test posts. */
const phaseNames = (...names: string[]) => names.map(name => uniqueName(name))

describe('phases', () => {
  it('creates a phase list and answers 201 with its generation', async () => {
    const reply = await post('/api/phases', { phases: phaseNames('investigating', 'fixing', 'resolved') })
    const { generation } = expectResponse(reply, 'createPhaseList', 201)
    expect(generation).toBeGreaterThanOrEqual(1)
    expect(reply.body).toEqual({ generation })
  })

  it('numbers generations one after another, and the newest is what GET answers', async () => {
    const { generation: newest } = await readPhases()
    const first = phaseNames('first')
    const second = phaseNames('second a', 'second b')
    const g1 = await createPhaseList(first)
    const g2 = await createPhaseList(second)
    expect(g1).toBe(newest + 1)
    expect(g2).toBe(g1 + 1)
    expect(await readPhases()).toEqual({ generation: g2, phases: second })
  })

  it('answers an older generation when asked, unchanged by newer ones (lists are never edited)', async () => {
    const old = phaseNames('old investigating', 'old resolved')
    const generation = await createPhaseList(old)
    const before = await readPhases(generation)
    expect(before).toEqual({ generation, phases: old })

    await createPhaseList(phaseNames('replacement'))
    await createPhaseList([...old].reverse())
    expect(await readPhases(generation)).toEqual(before)
    expect((await readPhases()).generation).toBe(generation + 2)
  })

  it('keeps the order of the phases as posted', async () => {
    const phases = phaseNames('z', 'a', 'm', 'b')
    const generation = await createPhaseList(phases)
    expect((await readPhases(generation)).phases).toEqual(phases)
  })

  it('answers 404 for a generation above the newest', async () => {
    const { generation } = await readPhases()
    expectProblem(await get(`/api/phases${query({ generation: String(generation + 1) })}`), 404)
    expectProblem(await get(`/api/phases${query({ generation: '2147483647' })}`), 404)
  })

  it.each(['0', '-1', 'abc', '1.5', '', '2147483648', '1e400', '1e1', '0x10', ' 1'])('answers 400 for generation=%j', async (generation) => {
    expectProblem(await get(`/api/phases${query({ generation })}`), 400, 'generation')
  })

  describe('refuses an invalid phase list with 400 naming the field, and creates no generation', () => {
    const cases: [string, unknown, string][] = [
      ['an empty list', { phases: [] }, 'phases'],
      ['duplicate names', { phases: ['open', 'closed', 'open'] }, 'phases'],
      ['names that are duplicates once trimmed', { phases: ['open', ' open '] }, 'phases'],
      ['an empty name', { phases: ['open', ''] }, 'phases[1]'],
      ['a number as a name', { phases: ['open', 3] }, 'phases[1]'],
      ['a string instead of a list', { phases: 'open' }, 'phases'],
      ['no phases', {}, 'phases'],
      ['a bare list', ['open'], 'body'],
    ]

    it.each(cases)('%s', async (_, body, field) => {
      const before = await readPhases()
      expectProblem(await post('/api/phases', body), 400, field)
      expect(await readPhases()).toEqual(before)
    })

    it('an unknown field', async () => {
      const before = await readPhases()
      expectUnknownField(await post('/api/phases', { phases: phaseNames('x'), generation: 99 }), 'generation')
      expect(await readPhases()).toEqual(before)
    })
  })
})
