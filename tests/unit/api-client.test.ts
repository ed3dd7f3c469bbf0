// The client's access layer (utils/api.ts): an operation id becomes its method and URL, path
// parameters are filled in percent-encoded, and reads hand back the envelope's `data`.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { apiData, apiFetch, apiUrl } from '../../utils/api'

const incidentId = '6f1c1b3e-8f5a-4c3e-9a57-2f8d0e6b1a42'

function stubFetch(reply: unknown) {
  const fetch = vi.fn(async () => reply)
  vi.stubGlobal('$fetch', fetch)
  return fetch
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('apiUrl', () => {
  it('fills in the path parameters of the operation', () => {
    expect(apiUrl('getIncidentUpdate', { incidentId, updateOrder: 3 })).toBe(`/api/incidents/${incidentId}/updates/3`)
  })

  it('percent-encodes them, so a severity named with a slash stays one segment', () => {
    expect(apiUrl('deleteSeverity', { severityName: 'n/a #1' })).toBe('/api/severities/n%2Fa%20%231')
  })

  it('leaves operations outside /api at the root', () => {
    expect(apiUrl('getHealth')).toBe('/healthz')
  })
})

describe('apiFetch', () => {
  it('sends the operation\'s method with the query, the body and the headers', async () => {
    const fetch = stubFetch(undefined)
    await apiFetch('updateIncident', { params: { incidentId }, body: { endedAt: null } }, { headers: { 'x-csrf-token': 'token' } })
    expect(fetch).toHaveBeenCalledWith(`/api/incidents/${incidentId}`, {
      method: 'PATCH', query: undefined, body: { endedAt: null }, headers: { 'x-csrf-token': 'token' },
    })
  })
})

describe('apiData', () => {
  it('answers the data of the envelope', async () => {
    const fetch = stubFetch({ data: { generation: 2, phases: ['Open'] } })
    expect(await apiData('getPhaseList', { query: { generation: 2 } })).toEqual({ generation: 2, phases: ['Open'] })
    expect(fetch).toHaveBeenCalledWith('/api/phases', expect.objectContaining({ method: 'GET', query: { generation: 2 } }))
  })
})
