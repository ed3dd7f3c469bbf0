// Maintenance starts and ends by the clock, when nobody writes. Each scheduled or changed
// maintenance queues a job for its start and one for its end, due at those times; the job records
// the event if the maintenance still has that time then. A job for a time that has since changed,
// or for maintenance since deleted, finds otherwise and does nothing.
import type { Database } from '../../db/client.ts'
import type { notificationEvents } from '../../db/schema.ts'
import { isMaintenance } from '../../shared/status/incident.ts'
import { getIncident } from '../services/incidents.ts'
import { Problem } from '../problem.ts'
import { recordEvent, type EventPayload } from './events.ts'
import { QUEUES } from './queue-names.ts'
import { stableId, type Jobs } from './queue.ts'

export interface EdgeJob {
  incidentId: string
  edge: 'started' | 'ended'
  /** The time the edge was due at, as the incident stated it. */
  at: string
}

type SendOptions = Parameters<Jobs['send']>[2]

export async function scheduleMaintenanceEdges(jobs: Jobs, event: typeof notificationEvents.$inferSelect, options: SendOptions) {
  if (event.kind !== 'maintenance.scheduled' && event.kind !== 'maintenance.changed') return
  const { incident } = event.payload as EventPayload
  for (const [edge, at] of [['started', incident.beganAt], ['ended', incident.endedAt]] as const) {
    if (!at || Date.parse(at) <= Date.now()) continue
    const job: EdgeJob = { incidentId: incident.id, edge, at }
    await jobs.send(QUEUES.maintenanceEdge, job, { ...options, id: stableId(incident.id, edge, at), startAfter: new Date(at) })
  }
}

/** Records that maintenance started or ended, if it still does so at the time the job was due. */
export async function recordMaintenanceEdge(db: Database, { incidentId, edge, at }: EdgeJob): Promise<boolean> {
  return db.transaction(async (tx) => {
    const incident = await getIncident(tx, incidentId).catch((error: unknown) => {
      if (error instanceof Problem && error.status === 404) return undefined
      throw error
    })
    if (!incident || !isMaintenance(incident) || (edge === 'started' ? incident.beganAt : incident.endedAt) !== at) return false
    await recordEvent(tx, `maintenance.${edge}`, incident)
    return true
  })
}
