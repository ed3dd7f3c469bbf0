// A beat by GET or POST: both record it and move the beacon's check. A beat may open or resolve an
// incident, which readers see, even by GET: so it always marks the data changed, for its caller too.
import type { H3Event } from 'h3'
import { markChanged } from '../cache/changes.ts'
import { rememberWriter } from '../cache/read-floor.ts'
import type { BeatStatus } from '../services/beacons.ts'
import { beat } from '../services/beacons.ts'
import { scheduleBeaconCheck } from './beacon-checks.ts'

export async function receiveBeat(event: H3Event, token: string, status: BeatStatus = 'up') {
  await scheduleBeaconCheck(await beat(await useDatabase(), token, status))
  markChanged()
  // The caller reads its own beat's effect next, a GET beat too.
  rememberWriter(event)
}
