// The state right now, in words and as a severity level, of the whole page or of one component:
// what the badges and the embeddable status show.
import type { Queryable } from '../../db/client.ts'
import { overallStatus, severityLevel, type OverallStatus, type SeverityLevel } from '../../shared/status/severity.ts'
import { getComponent, listComponents } from './components.ts'
import { listSeverities } from './severities.ts'

export interface CurrentState {
  /** operational, maintenance, or the name of the worst active impact's severity. */
  words: string
  level: SeverityLevel
  /** The component's name, when the state is of one component. */
  name?: string
}

/** The state of one component, or of all of them when `componentId` is undefined. */
export async function currentState(db: Queryable, componentId?: string): Promise<CurrentState> {
  const [severities, components] = await Promise.all([
    listSeverities(db),
    componentId ? getComponent(db, componentId).then(component => [component]) : listComponents(db),
  ])
  const values = components.flatMap(component => component.activelyAffectedBy.map(impact => impact.severity))
  const status = overallStatus(values, severities)
  const words = stateWords(status)
  const level = severityLevel(status.kind === 'impacted' ? status.value : status.kind === 'maintenance' ? 0 : undefined, severities)
  return { words, level, ...(componentId && { name: components[0]!.displayName }) }
}

/** operational, maintenance, or the name of the severity (`impacted` when none is configured to place it). */
export const stateWords = (status: OverallStatus) => status.kind === 'impacted' ? status.severity?.displayName ?? 'impacted' : status.kind
