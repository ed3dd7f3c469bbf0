// Noticing beats that did not come. Each beacon has one pending check job in the queue, due when
// the beacon becomes overdue; every beat moves it (pg-boss `upsert` by the beacon's id), so there
// is no timer per beacon, the checks survive restarts, and with several instances one of them
// runs each check.
import type { Database } from '../../db/client.ts'
import { markChanged } from '../cache/changes.ts'
import { dueAt, findBeacon, openBeaconIncident, type BeaconRow } from '../services/beacons.ts'
import { useJobs } from './notifications.ts'
import { QUEUES } from './queue-names.ts'

export interface BeaconCheckJob {
  beaconId: string
}

/** Puts the beacon's check at its due time. */
export async function scheduleBeaconCheck(beacon: BeaconRow) {
  const job: BeaconCheckJob = { beaconId: beacon.id }
  await (await useJobs()).upsert(QUEUES.beaconCheck, job, { singletonKey: beacon.id, startAfter: dueAt(beacon) })
}

/** Opens the beacon's incident if it is overdue; else (a beat raced the job) checks again later. */
export async function checkBeacon(db: Database, { beaconId }: BeaconCheckJob) {
  const beacon = await findBeacon(db, beaconId)
  if (!beacon) return
  const due = dueAt(beacon)
  if (due.getTime() > Date.now()) return scheduleBeaconCheck(beacon)
  const since = beacon.lastBeatAt ? `since ${beacon.lastBeatAt.toISOString()}` : 'since it was set up'
  await openBeaconIncident(db, beacon, beacon.severity, `The health beacon “${beacon.name}” has not reported ${since} (expected every ${beacon.intervalSeconds} s, with ${beacon.graceSeconds} s grace).`)
  // No request made this write: tell the caches, open pages, the relay and other instances.
  markChanged()
}
