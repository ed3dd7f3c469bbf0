// How many components are in each state and how many active incidents are of each severity, for
// the metrics (server/metrics/status-gauges.ts). Every configured state is counted, zero included,
// so that a series does not vanish when its last component recovers.
import { eq, max } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { impacts, incidents } from '../../db/schema.ts'
import { overallStatus } from '../../shared/status/severity.ts'
import { activeAt, listComponents } from './components.ts'
import { stateWords } from './current-state.ts'
import { listSeverities } from './severities.ts'

export interface StatusCounts {
  /** By state: operational, maintenance or a severity's name. */
  components: Map<string, number>
  /** By the severity of the worst impact: a severity's name, maintenance, or none (no impacts). */
  activeIncidents: Map<string, number>
}

export async function countStatus(db: Queryable, at = new Date()): Promise<StatusCounts> {
  const [severities, components, active] = await Promise.all([
    listSeverities(db),
    listComponents(db, at),
    db.select({ worst: max(impacts.severity) }).from(incidents)
      .leftJoin(impacts, eq(impacts.incidentId, incidents.id))
      .where(activeAt(at))
      .groupBy(incidents.id),
  ])
  const states = ['maintenance', ...severities.filter(severity => severity.value > 0).map(severity => severity.displayName)]
  const counted = (names: string[]) => new Map(names.map(name => [name, 0]))
  const count = (map: Map<string, number>, name: string) => map.set(name, (map.get(name) ?? 0) + 1)
  const stateOf = (values: number[]) => stateWords(overallStatus(values, severities))

  const byState = counted(['operational', ...states])
  for (const component of components) count(byState, stateOf(component.activelyAffectedBy.map(impact => impact.severity)))
  const bySeverity = counted(['none', ...states])
  for (const { worst } of active) count(bySeverity, worst === null ? 'none' : stateOf([worst]))
  return { components: byState, activeIncidents: bySeverity }
}
