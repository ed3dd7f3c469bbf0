import { describe, expect, it } from 'vitest'
import { expectResponse, get, patch, post, tokens, type Reply } from './client'
import { type Browser, signInAs } from './browser'
import { createPhaseList, uniqueName } from './fixtures'

/** Something that writes like an API client: POST/PATCH with a body, returning the reply. */
interface Writer {
  post: (path: string, body: unknown) => Promise<Reply>
  patch: (path: string, body: unknown) => Promise<Reply>
}

const apiClient = (token: string): Writer => ({
  post: (path, body) => post(path, body, { token }),
  patch: (path, body) => patch(path, body, { token }),
})

const browserWriter = (browser: Browser): Writer => ({ post: browser.post, patch: browser.patch })

/** The same operator story, told through one writer; returns everything it left behind, ids removed. */
async function tellStory(writer: Writer, name: string, generation: number) {
  const { id: component } = expectResponse(await writer.post('/api/components', { displayName: `${name} component`, labels: { region: 'de-west' } }), 'createComponent', 201)
  const { id: type } = expectResponse(await writer.post('/api/impacttypes', { displayName: `${name} type`, description: 'Slow' }), 'createImpactType', 201)
  const { id: incident } = expectResponse(await writer.post('/api/incidents', {
    displayName: `${name} incident`,
    description: 'Volumes attach slowly.',
    beganAt: '2031-02-03T10:00:00Z',
    phase: { generation, order: 0 },
    affects: [{ reference: component, type, severity: 70 }],
  }), 'createIncident', 201)
  expectResponse(await writer.post(`/api/incidents/${incident}/updates`, { displayName: 'Investigating', createdAt: '2031-02-03T10:05:00Z' }), 'createIncidentUpdate', 201)
  expectResponse(await writer.patch(`/api/incidents/${incident}`, { phase: { generation, order: 1 }, affects: [{ reference: component, type, severity: 40 }] }), 'updateIncident', 204)
  expectResponse(await writer.post(`/api/incidents/${incident}/updates`, { displayName: 'Resolved', description: 'Back to normal.', createdAt: '2031-02-03T11:00:00Z' }), 'createIncidentUpdate', 201)
  expectResponse(await writer.patch(`/api/incidents/${incident}`, { endedAt: '2031-02-03T11:00:00Z' }), 'updateIncident', 204)

  const read = async (path: string, operationId: string) => expectResponse(await get(path), operationId, 200).data
  const ids: Record<string, string> = { [component]: '<component>', [type]: '<type>', [incident]: '<incident>' }
  const stored = {
    component: await read(`/api/components/${component}?at=2031-02-03T10:30:00Z`, 'getComponent'),
    type: await read(`/api/impacttypes/${type}`, 'getImpactType'),
    incident: await read(`/api/incidents/${incident}`, 'getIncident'),
    updates: await read(`/api/incidents/${incident}/updates`, 'getIncidentUpdates'),
  }
  return JSON.parse(JSON.stringify(stored).replaceAll(name, '<name>'), (_, value) => ids[value] ?? value)
}

describe('admin-area writes and API writes', () => {
  it('store identical results', async () => {
    const generation = await createPhaseList(['investigating', 'fixing', 'done'])
    const editor = await signInAs('editor')
    const throughSession = await tellStory(browserWriter(editor), uniqueName('Session'), generation)
    const throughToken = await tellStory(apiClient(tokens.readWrite), uniqueName('Token'), generation)
    expect(throughSession).toEqual(throughToken)
    expect(throughSession.incident).toMatchObject({ endedAt: '2031-02-03T11:00:00.000Z', phase: { generation, order: 1 }, updates: [0, 1] })
  })
})
