// Incidents that open and resolve themselves: a health beacon that stops beating, an alert that
// fires. Each source names its incidents by a key (the beacon, the alert group), so that the next
// signal updates or resolves the same incident instead of opening another. An operator can take
// such an incident over; from then on it is theirs, and the source leaves it alone. All writes go
// through the incident services, so they are validated, audited as any write, and sent to
// subscribers like any other.
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Database, Queryable } from '../../db/client.ts'
import { automatedIncidents, incidents } from '../../db/schema.ts'
import type { ImpactData } from '../../openapi/schemas.ts'
import { notFound } from '../problem.ts'
import { createIncidentUpdate } from './incident-updates.ts'
import { createIncident, getIncident, updateIncident } from './incidents.ts'

export type AutomationSource = 'beacon' | 'alertmanager'

export interface AutomatedIncident {
  displayName: string
  description: string
  affects: ImpactData[]
}

const sortImpacts = (affects: ImpactData[]) =>
  affects.map(({ reference, type, severity }) => `${reference} ${type} ${severity}`).sort()

/** The open, not taken over, incident of a source's key. */
async function openIncidentOf(db: Queryable, source: AutomationSource, key: string): Promise<string | undefined> {
  const [row] = await db.select({ id: automatedIncidents.incidentId }).from(automatedIncidents)
    .innerJoin(incidents, eq(incidents.id, automatedIncidents.incidentId))
    .where(and(eq(automatedIncidents.source, source), eq(automatedIncidents.key, key), eq(automatedIncidents.takenOver, false), isNull(incidents.endedAt)))
  return row?.id
}

// Signals for one key arrive concurrently (a beat and a missed-beat check, two alert retries):
// they take turns, so that they never open two incidents.
const takeTurns = (db: Queryable, source: AutomationSource, key: string) =>
  db.execute(sql`select pg_advisory_xact_lock(hashtext(${`${source}:${key}`}))`)

/** Opens the key's incident, or brings the open one up to date; says which, and its id. */
export function openAutomatedIncident(db: Database, source: AutomationSource, key: string, incident: AutomatedIncident): Promise<{ id: string, opened: boolean }> {
  return db.transaction(async (tx) => {
    await takeTurns(tx, source, key)
    const open = await openIncidentOf(tx, source, key)
    if (open) {
      // A repeated signal changes nothing, and sends nobody a mail about nothing.
      const { affects } = await getIncident(tx, open)
      if (JSON.stringify(sortImpacts(affects)) !== JSON.stringify(sortImpacts(incident.affects))) await updateIncident(tx, open, { affects: incident.affects })
      return { id: open, opened: false }
    }
    const { id } = await createIncident(tx, incident)
    await tx.insert(automatedIncidents).values({ incidentId: id, source, key })
    return { id, opened: true }
  })
}

/** Resolves the key's open incident, if there is one, with an update saying why; returns its id. */
export function resolveAutomatedIncident(db: Database, source: AutomationSource, key: string, update: { displayName: string, description: string }): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    await takeTurns(tx, source, key)
    const open = await openIncidentOf(tx, source, key)
    if (!open) return undefined
    await createIncidentUpdate(tx, open, update)
    await updateIncident(tx, open, { endedAt: new Date().toISOString() })
    return open
  })
}

/** Whether the incident opened itself, and whether an operator has taken it over. */
export async function getIncidentAutomation(db: Queryable, incidentId: string): Promise<{ automatedBy?: AutomationSource, takenOver: boolean }> {
  const [row] = await db.select({ source: automatedIncidents.source, takenOver: automatedIncidents.takenOver }).from(incidents)
    .leftJoin(automatedIncidents, eq(automatedIncidents.incidentId, incidents.id)).where(eq(incidents.id, incidentId))
  if (!row) throw notFound(`No incident with id ${incidentId}.`)
  return row.source ? { automatedBy: row.source as AutomationSource, takenOver: row.takenOver ?? false } : { takenOver: false }
}

/** An operator takes an incident over: its source no longer updates or resolves it. */
export async function takeOverIncident(db: Queryable, incidentId: string) {
  const [row] = await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, incidentId))
  if (!row) throw notFound(`No incident with id ${incidentId}.`)
  await db.update(automatedIncidents).set({ takenOver: true }).where(eq(automatedIncidents.incidentId, incidentId))
}
