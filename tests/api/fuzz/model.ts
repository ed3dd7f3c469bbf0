// The fuzzer's oracle: a plain model of the SCS resources (components, impact types, severities,
// phases, incidents and their updates). It starts from what the server holds, takes in every write
// that the server accepted, and is then compared with what the server reads back. A write that
// the server refused leaves the model as it was, so any change it made shows up as a difference.

export interface Impact { reference: string, type: string, severity: number }
/** An instant given in the request, or taken from the server's clock within a time window. */
export type Instant = string | { from: number, to: number }
export interface Update { displayName: string, description?: string, createdAt: Instant }
export interface Incident {
  displayName: string
  description?: string
  beganAt: Instant
  endedAt: string | null
  phase?: { generation: number, order: number }
  affects: Impact[]
  /** Only for incidents the fuzzer created: their updates are compared too. */
  updates?: Map<number, Update>
  nextOrder: number
}

export class Model {
  components = new Map<string, { displayName: string, labels: Record<string, string> }>()
  impactTypes = new Map<string, { displayName: string, description?: string }>()
  severities = new Map<string, number>()
  phases = { generation: 0, phases: [] as string[] }
  incidents = new Map<string, Incident>()
  /** What the fuzzer created, to address and to clean up. */
  created = { components: new Set<string>(), impactTypes: new Set<string>(), incidents: new Set<string>(), severities: new Set<string>(), templates: new Set<string>(), users: new Set<string>(), tokens: new Set<string>(), webhooks: new Set<string>() }

  /** Ids or names the fuzzer may address, by pool. */
  pool(name: string): (string | number)[] {
    const own = (kind: keyof Model['created']) => [...this.created[kind]]
    switch (name) {
      case 'components': return own('components').filter(id => this.components.has(id))
      case 'impactTypes': return own('impactTypes').filter(id => this.impactTypes.has(id))
      case 'incidents': return own('incidents').filter(id => this.incidents.has(id))
      // Known bug, not fixed yet: a name that starts with `?` is routed to the list (h3 decodes %3F before it routes).
      case 'severities': return own('severities').filter(name => this.severities.has(name) && !name.startsWith('?'))
      case 'generations': return Array.from({ length: this.phases.generation + 1 }, (_, i) => i)
      case 'anyId': return [...this.pool('components'), ...this.pool('impactTypes'), ...this.pool('incidents')]
      default: return own(name as keyof Model['created'])
    }
  }
}

const iso = (value: string) => new Date(Date.parse(value)).toISOString()
const trim = (value: string) => value.trim()

type Body = Record<string, any>

/** A resource the fuzzer created: in the model, and its own to address and clean up. */
function addOwn<T>(store: Map<string, T>, own: Set<string>, key: string, value: T) {
  store.set(key, value)
  own.add(key)
}

/** A PATCH of a display name (trimmed, as the API does) and one more field, each when named. */
function patchNamed<T extends { displayName: string }>(target: T | undefined, body: Body, field: keyof T & string) {
  if (!target) return
  if (body.displayName !== undefined) target.displayName = trim(body.displayName)
  if (body[field] !== undefined) target[field] = body[field]
}

/**
 * Takes in a write the server accepted. `result` is the response body; `window` the time of the
 * request, for instants the server takes from its clock. Throws when the answer contradicts the
 * model (e.g. an update's order).
 */
export function applyWrite(model: Model, operationId: string, params: Record<string, string>, body: Body, result: any, window: { from: number, to: number }) {
  const incident = () => model.incidents.get(params.incidentId!)
  switch (operationId) {
    case 'createComponent':
      return addOwn(model.components, model.created.components, result.id, { displayName: trim(body.displayName), labels: body.labels ?? {} })
    case 'updateComponent':
      return patchNamed(model.components.get(params.componentId!), body, 'labels')
    case 'deleteComponent':
      model.components.delete(params.componentId!)
      for (const each of model.incidents.values()) each.affects = each.affects.filter(impact => impact.reference !== params.componentId)
      return
    case 'createImpactType':
      return addOwn(model.impactTypes, model.created.impactTypes, result.id, { displayName: trim(body.displayName), description: body.description })
    case 'updateImpactType':
      return patchNamed(model.impactTypes.get(params.impactTypeId!), body, 'description')
    case 'deleteImpactType':
      model.impactTypes.delete(params.impactTypeId!)
      return
    case 'createSeverity':
      return addOwn(model.severities, model.created.severities, trim(body.displayName), body.value)
    case 'updateSeverity': {
      const value = body.value ?? model.severities.get(params.severityName!)
      model.severities.delete(params.severityName!)
      const name = body.displayName === undefined ? params.severityName! : trim(body.displayName)
      model.severities.set(name, value)
      model.created.severities.add(name)
      return
    }
    case 'deleteSeverity':
      model.severities.delete(params.severityName!)
      return
    case 'createPhaseList':
      if (result.generation !== model.phases.generation + 1) throw new Error(`new phase generation ${result.generation}, expected ${model.phases.generation + 1}`)
      model.phases = { generation: result.generation, phases: body.phases.map(trim) }
      return
    case 'createIncident':
      return addOwn(model.incidents, model.created.incidents, result.id, {
        displayName: trim(body.displayName),
        description: body.description,
        beganAt: body.beganAt ? iso(body.beganAt) : window,
        endedAt: body.endedAt ? iso(body.endedAt) : null,
        phase: body.phase,
        affects: body.affects ?? [],
        updates: new Map(),
        nextOrder: 0,
      })
    case 'updateIncident': {
      const current = incident()!
      if (body.displayName !== undefined) current.displayName = trim(body.displayName)
      if (body.description !== undefined) current.description = body.description
      if (body.beganAt) current.beganAt = iso(body.beganAt)
      if (body.endedAt !== undefined) current.endedAt = body.endedAt === null ? null : iso(body.endedAt)
      if (body.phase !== undefined) current.phase = body.phase
      if (body.affects !== undefined) current.affects = body.affects
      return
    }
    case 'deleteIncident':
      model.incidents.delete(params.incidentId!)
      return
    case 'createIncidentUpdate': {
      const current = incident()!
      if (result.order !== current.nextOrder) throw new Error(`new update order ${result.order}, expected ${current.nextOrder}`)
      current.nextOrder++
      current.updates?.set(result.order, { displayName: trim(body.displayName), description: body.description, createdAt: body.createdAt ? iso(body.createdAt) : window })
      return
    }
    case 'updateIncidentUpdate': {
      const update = incident()?.updates?.get(Number(params.updateOrder))
      patchNamed(update, body, 'description')
      if (update && body.createdAt) update.createdAt = iso(body.createdAt)
      return
    }
    case 'deleteIncidentUpdate':
      incident()?.updates?.delete(Number(params.updateOrder))
      return
    case 'createTemplate':
      model.created.templates.add(result.id)
      return
    case 'createUser':
      model.created.users.add(result.id)
      return
    case 'createToken':
      model.created.tokens.add(result.name)
      return
    case 'createWebhook':
      model.created.webhooks.add(result.id)
  }
}

const SLACK_MS = 2000

/** The server's instant where the model has a window it falls in; the model's instant otherwise. */
export function settle(model: Instant, server: string): string {
  if (typeof model === 'string') return model
  const at = Date.parse(server)
  return at >= model.from - SLACK_MS && at <= model.to + SLACK_MS ? server : `within ${new Date(model.from).toISOString()} … ${new Date(model.to).toISOString()}`
}
