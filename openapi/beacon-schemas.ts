// Schemas of health beacons (push monitoring): managed by whoever may write incidents, called by
// cron jobs and monitors. Like ./schemas.ts, the source of validation, types and the document.
import { z } from 'zod'
import { DisplayName, Id, Instant, named } from './schemas.ts'

export const BeaconToken = named('BeaconToken', 'The secret of a beacon\'s URL.', z.string().regex(/^[\w-]{43}$/, 'not a beacon URL'))

export const BeaconRequest = named('BeaconRequest', 'A health beacon on a component: when no beat comes for `intervalSeconds` + `graceSeconds`, an incident of `impactType` and `severity` opens itself on the component; PATCH takes any subset.', z.strictObject({
  componentId: Id,
  name: DisplayName,
  intervalSeconds: z.int().min(10).max(7 * 24 * 3600),
  graceSeconds: z.int().min(0).max(24 * 3600),
  impactType: Id,
  severity: z.int().min(1).max(100),
}))

export const BeaconResponseData = named('BeaconResponseData', 'A health beacon, with the URL to call and when it was last called. `state`: `waiting` before the first beat, `up`, `late` (an incident is open), `down`/`degraded` (a beat said so).', BeaconRequest.extend({
  id: Id,
  url: z.string(),
  lastBeatAt: Instant.optional(),
  state: z.enum(['waiting', 'up', 'late', 'down', 'degraded']),
}))

export const BeatStatus = named('BeatStatus', 'What a beat says: `up` (the default) resolves the beacon\'s incident, `down` opens one at the beacon\'s severity, `degraded` at half of it.', z.enum(['up', 'down', 'degraded']))

export const IncidentAutomation = named('IncidentAutomation', 'Whether an incident opened itself: `automatedBy` names its source (absent for an incident an operator opened), `takenOver` whether an operator has taken it over since.', z.strictObject({
  automatedBy: z.enum(['beacon', 'alertmanager']).optional(),
  takenOver: z.boolean(),
}))

export const BeatQuery = z.strictObject({ status: BeatStatus.optional() })

export type BeaconInput = z.infer<typeof BeaconRequest>
export type BeaconData = z.infer<typeof BeaconResponseData>
