// Health beacons: a secret URL per beacon that a cron job or monitor calls. A beat records the
// time and what it says; a beat that says `down` or `degraded` opens the beacon's incident at once,
// one that says `up` (the default) resolves it. Missing beats are noticed by a check job of the
// queue (server/notify/beacon-checks.ts), which every beat moves to the new due time.
import { randomBytes } from 'node:crypto'
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Database, Queryable } from '../../db/client.ts'
import { automatedIncidents, beacons, components, impactTypes, incidents } from '../../db/schema.ts'
import type { BeaconData, BeaconInput } from '../../openapi/beacon-schemas.ts'
import { invalidField, notFound } from '../problem.ts'
import { openAutomatedIncident, resolveAutomatedIncident } from './automated-incidents.ts'

export type BeaconRow = typeof beacons.$inferSelect
export type BeatStatus = 'up' | 'down' | 'degraded'

const key = (beacon: Pick<BeaconRow, 'id'>) => beacon.id

/** When the beacon is overdue: its last beat (or its creation) plus interval and grace. */
export const dueAt = (beacon: Pick<BeaconRow, 'lastBeatAt' | 'createdAt' | 'intervalSeconds' | 'graceSeconds'>) =>
  new Date((beacon.lastBeatAt ?? beacon.createdAt).getTime() + (beacon.intervalSeconds + beacon.graceSeconds) * 1000)

export async function listBeacons(db: Queryable, origin: string): Promise<BeaconData[]> {
  const [rows, open] = await Promise.all([
    db.select().from(beacons).orderBy(asc(beacons.createdAt), asc(beacons.id)),
    db.select({ key: automatedIncidents.key }).from(automatedIncidents).innerJoin(incidents, eq(incidents.id, automatedIncidents.incidentId))
      .where(and(eq(automatedIncidents.source, 'beacon'), eq(automatedIncidents.takenOver, false), isNull(incidents.endedAt))),
  ])
  const late = new Set(open.map(row => row.key))
  return rows.map(beacon => ({
    id: beacon.id,
    componentId: beacon.componentId,
    name: beacon.name,
    intervalSeconds: beacon.intervalSeconds,
    graceSeconds: beacon.graceSeconds,
    impactType: beacon.impactTypeId,
    severity: beacon.severity,
    url: `${origin}/api/beacons/${beacon.token}`,
    ...(beacon.lastBeatAt && { lastBeatAt: beacon.lastBeatAt.toISOString() }),
    state: beacon.lastStatus === 'down' || beacon.lastStatus === 'degraded'
      ? beacon.lastStatus
      : late.has(key(beacon)) ? 'late' : beacon.lastBeatAt ? 'up' : 'waiting',
  }))
}

async function assertReferencesExist(db: Queryable, input: Partial<BeaconInput>) {
  if (input.componentId && !(await db.select({ id: components.id }).from(components).where(eq(components.id, input.componentId))).length) {
    throw invalidField('componentId', `no component with id ${input.componentId}`, 'not_found')
  }
  if (input.impactType && !(await db.select({ id: impactTypes.id }).from(impactTypes).where(eq(impactTypes.id, input.impactType))).length) {
    throw invalidField('impactType', `no impact type with id ${input.impactType}`, 'not_found')
  }
}

export async function createBeacon(db: Queryable, input: BeaconInput): Promise<BeaconRow> {
  await assertReferencesExist(db, input)
  const [row] = await db.insert(beacons).values({
    componentId: input.componentId,
    name: input.name,
    token: randomBytes(32).toString('base64url'),
    intervalSeconds: input.intervalSeconds,
    graceSeconds: input.graceSeconds,
    impactTypeId: input.impactType,
    severity: input.severity,
  }).returning()
  return row!
}

export async function updateBeacon(db: Queryable, id: string, patch: Partial<BeaconInput>): Promise<BeaconRow> {
  await assertReferencesExist(db, patch)
  const { componentId, name, intervalSeconds, graceSeconds, impactType: impactTypeId, severity } = patch
  const changes = { componentId, name, intervalSeconds, graceSeconds, impactTypeId, severity }
  const [row] = Object.values(changes).every(value => value === undefined)
    ? await db.select().from(beacons).where(eq(beacons.id, id))
    : await db.update(beacons).set(changes).where(eq(beacons.id, id)).returning()
  if (!row) throw notFound(`No health beacon with id ${id}.`)
  return row
}

/** Removes a beacon; an incident it opened stays, for an operator to resolve. */
export async function deleteBeacon(db: Queryable, id: string) {
  const deleted = await db.delete(beacons).where(eq(beacons.id, id)).returning({ id: beacons.id })
  if (deleted.length === 0) throw notFound(`No health beacon with id ${id}.`)
}

export async function findBeacon(db: Queryable, id: string): Promise<BeaconRow | undefined> {
  const [row] = await db.select().from(beacons).where(eq(beacons.id, id))
  return row
}

/** Records a beat by the beacon's secret, and opens or resolves its incident as the beat says. */
export async function beat(db: Database, token: string, status: BeatStatus): Promise<BeaconRow> {
  const [beacon] = await db.update(beacons).set({ lastBeatAt: new Date(), lastStatus: status }).where(eq(beacons.token, token)).returning()
  if (!beacon) throw notFound('No health beacon has this URL.')
  if (status === 'up') {
    await resolveAutomatedIncident(db, 'beacon', key(beacon), {
      displayName: 'Beats resumed',
      description: `The health beacon “${beacon.name}” reports again; this incident resolved itself.`,
    })
  }
  else {
    await openBeaconIncident(db, beacon, status === 'down' ? beacon.severity : Math.max(1, Math.round(beacon.severity / 2)), `The health beacon “${beacon.name}” reports ${status}.`)
  }
  return beacon
}

/** Opens the beacon's incident (or updates the open one) on its component. */
export async function openBeaconIncident(db: Database, beacon: BeaconRow, severity: number, description: string) {
  const [component] = await db.select({ displayName: components.displayName }).from(components).where(eq(components.id, beacon.componentId))
  await openAutomatedIncident(db, 'beacon', key(beacon), {
    displayName: `${component?.displayName ?? 'A component'}: ${beacon.name} does not report`,
    description: `${description} Opened by the health beacon; it resolves itself when the beacon reports again, unless an operator takes it over.`,
    affects: [{ reference: beacon.componentId, type: beacon.impactTypeId, severity }],
  })
}
