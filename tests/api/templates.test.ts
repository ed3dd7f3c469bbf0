import { beforeAll, describe, expect, it } from 'vitest'
import { del, expectProblem, expectResponse, get, patch, post, tokens } from './client'
import { signInAs } from './browser'
import { createComponent, createImpactType, uniqueName, unknownId } from './fixtures'

let component: string
let type: string

beforeAll(async () => {
  ;[component, type] = await Promise.all([createComponent(), createImpactType()])
})

const template = (overrides: Record<string, unknown> = {}) => ({
  name: uniqueName('Template'),
  displayName: 'Object storage unavailable',
  description: 'Uploads and downloads fail.',
  affects: [{ reference: component, type, severity: 100 }],
  firstUpdate: { displayName: 'Investigating', description: 'We are looking into it.' },
  ...overrides,
})

async function readTemplate(id: string) {
  return expectResponse(await get(`/api/templates/${id}`, { token: tokens.readWrite }), 'getTemplate', 200).data
}

describe('incident templates', () => {
  it('are created by editors and read back whole', async () => {
    const editor = await signInAs('editor')
    const body = template()
    const { id } = expectResponse(await editor.post('/api/templates', body), 'createTemplate', 201)
    expect(await readTemplate(id)).toEqual({ id, ...body })
    const listed = expectResponse(await editor.get('/api/templates'), 'getTemplates', 200).data
    expect(listed.find((t: { id: string }) => t.id === id)).toEqual({ id, ...body })
  })

  it('change only the fields a PATCH names, and lose their first update to null', async () => {
    const { id } = expectResponse(await post('/api/templates', template()), 'createTemplate', 201)
    expectResponse(await patch(`/api/templates/${id}`, { displayName: 'Renamed', firstUpdate: null }), 'updateTemplate', 204)
    const changed = await readTemplate(id)
    expect(changed).toMatchObject({ displayName: 'Renamed', description: 'Uploads and downloads fail.' })
    expect(changed).not.toHaveProperty('firstUpdate')
  })

  it('refuse impacts on unknown components or types, and duplicate names', async () => {
    expectProblem(await post('/api/templates', template({ affects: [{ reference: unknownId(), type, severity: 50 }] })), 400, 'affects[0].reference')
    expectProblem(await post('/api/templates', template({ affects: [{ reference: component, type: unknownId(), severity: 50 }] })), 400, 'affects[0].type')
    const body = template()
    expectResponse(await post('/api/templates', body), 'createTemplate', 201)
    expectProblem(await post('/api/templates', { ...body, displayName: 'Other' }), 409, 'name')
  })

  it('leave out impacts on components deleted since', async () => {
    const doomed = await createComponent()
    const { id } = expectResponse(await post('/api/templates', template({
      affects: [{ reference: doomed, type, severity: 50 }, { reference: component, type, severity: 40 }],
    })), 'createTemplate', 201)
    expectResponse(await del(`/api/components/${doomed}`), 'deleteComponent', 204)
    expect((await readTemplate(id)).affects).toEqual([{ reference: component, type, severity: 40 }])
  })

  it('are deleted', async () => {
    const { id } = expectResponse(await post('/api/templates', template()), 'createTemplate', 201)
    expectResponse(await del(`/api/templates/${id}`), 'deleteTemplate', 204)
    expectProblem(await get(`/api/templates/${id}`, { token: tokens.admin }), 404)
  })

  it('are not for anonymous callers or read-only tokens', async () => {
    expectProblem(await get('/api/templates'), 401)
    expectProblem(await get('/api/templates', { token: tokens.readOnly }), 403)
  })
})
