import { describe, expect, it } from 'vitest'
import { expectProblem, expectResponse, get, post } from './client'

describe('smoke', () => {
  it('creates and reads a component', async () => {
    const { id } = expectResponse(await post('/api/components', { displayName: 'Smoke', labels: { region: 'x' } }), 'createComponent', 201)
    const { data } = expectResponse(await get(`/api/components/${id}`), 'getComponent', 200)
    expect(data).toEqual({ id, displayName: 'Smoke', labels: { region: 'x' }, activelyAffectedBy: [] })
    expectProblem(await get('/api/components/not-a-uuid'), 400, 'componentId')
  })
})
