// Schemas of availability per component, an extension to SCS. Like ./schemas.ts, the source of
// validation, types and the OpenAPI document.
import { z } from 'zod'
import { isTimeZone } from '../shared/preferences.ts'
import { Id, Instant, named } from './schemas.ts'

export const PeriodUptime = named('PeriodUptime', 'Availability over the last `days` days (from midnight of the first in the asked time zone until now): 1 minus the time down weighted by severity / 100 (the worst impact at each instant), over the time not under planned maintenance. `uptime` is absent when the whole period was maintenance.', z.strictObject({
  days: z.int(),
  from: Instant,
  to: Instant,
  uptime: z.number().min(0).max(1).optional(),
  downSeconds: z.int().min(0),
  maintenanceSeconds: z.int().min(0),
}))

export const ComponentUptime = named('ComponentUptime', 'A component\'s availability over the last 7, 30 and 90 days.', z.strictObject({
  componentId: Id,
  periods: z.array(PeriodUptime),
}))

export const UptimeQuery = z.object({
  timeZone: z.string().max(64).refine(isTimeZone, 'not an IANA time zone').optional(),
})

export type ComponentUptimeData = z.infer<typeof ComponentUptime>
export type PeriodUptimeData = z.infer<typeof PeriodUptime>
