// Small factories for the API tests. They go through the API (with the admin token), assert
// that the write succeeded, and return what identifies the new resource. The database is shared
// between test files, so every name is unique and tests only look at what they created.
import type { NewComponent, NewImpactType, NewIncident, NewIncidentUpdate } from '../../openapi/schemas'
import { expectResponse, post } from './client'

export { DAY, HOUR } from '../../shared/time'

let serial = 0

/** A name no other test uses. */
export const uniqueName = (prefix: string) => `${prefix} ${++serial} ${Math.random().toString(36).slice(2, 8)}`

/** An RFC 3339 instant, `ms` milliseconds from now (negative: in the past). */
export const fromNow = (ms: number, now = Date.now()) => new Date(now + ms).toISOString()
/** A window from `startMs` from now, exactly `lengthMs` long: both ends from one clock reading. */
export function windowFromNow(startMs: number, lengthMs: number) {
  const now = Date.now()
  return { beganAt: fromNow(startMs, now), endedAt: fromNow(startMs + lengthMs, now) }
}

/** An RFC 3339 instant, `ms` milliseconds after `base`. */
export const after = (base: string, ms: number) => new Date(Date.parse(base) + ms).toISOString()

/** A query string; values are encoded, so offsets such as `+02:00` survive. */
export const query = (params: Record<string, string>) => `?${new URLSearchParams(params)}`

/** A well-formed UUID that names nothing. */
export const unknownId = () => crypto.randomUUID()

export async function createComponent(overrides: Partial<NewComponent> = {}): Promise<string> {
  const body = { displayName: uniqueName('Component'), labels: { test: 'api' }, ...overrides }
  return expectResponse(await post('/api/components', body), 'createComponent', 201).id
}

export async function createImpactType(overrides: Partial<NewImpactType> = {}): Promise<string> {
  const body = { displayName: uniqueName('Impact type'), ...overrides }
  return expectResponse(await post('/api/impacttypes', body), 'createImpactType', 201).id
}

export async function createIncident(overrides: Partial<NewIncident> = {}): Promise<string> {
  const body = { displayName: uniqueName('Incident'), ...overrides }
  return expectResponse(await post('/api/incidents', body), 'createIncident', 201).id
}

export async function createIncidentUpdate(incidentId: string, overrides: Partial<NewIncidentUpdate> = {}): Promise<number> {
  const body = { displayName: uniqueName('Update'), ...overrides }
  return expectResponse(await post(`/api/incidents/${incidentId}/updates`, body), 'createIncidentUpdate', 201).order
}

/** A new phase list: the next global generation, whose number it returns. */
export async function createPhaseList(phases = ['investigating', 'mitigating', 'resolved']): Promise<number> {
  return expectResponse(await post('/api/phases', { phases }), 'createPhaseList', 201).generation
}
