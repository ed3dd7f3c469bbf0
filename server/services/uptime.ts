// Availability per component over the last 7, 30 and 90 days, in one SQL query per period over the
// impacts (no per-minute rows). The period starts at midnight of its first day in the visitor's
// time zone, so a day around a DST change lasts 23 or 25 hours, and ends now.
// - At any instant a component is as down as its worst impact: severity / 100 of that time
//   counts as down (a broken minute, severity 100, fully; a degraded one by its share).
//   Overlapping incidents count once, at the worst of them.
// - Time under planned maintenance (an impact of severity 0) is left out of the period altogether,
//   whatever else happened then.
import { asc, eq, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { components } from '../../db/schema.ts'
import type { PeriodUptimeData as PeriodUptime } from '../../openapi/uptime-schemas.ts'
import { notFound } from '../problem.ts'
import { dayBounds, lastDays } from '../../shared/status/days.ts'

export const UPTIME_PERIODS = [7, 30, 90] as const

interface Row { component_id: string, down_seconds: number | string | null, maintenance_seconds: number | string | null }

/** Down and maintenance seconds per component in [from, to), for the given components. */
async function downtime(db: Queryable, componentIds: string[], from: Date, to: Date): Promise<Map<string, { down: number, maintenance: number }>> {
  const ids = sql.join(componentIds.map(id => sql`${id}::uuid`), sql`, `)
  // As text: the postgres driver does not bind Date parameters of raw SQL.
  const [start, end] = [from.toISOString(), to.toISOString()]
  const result = await db.execute(sql`
    with spans as (
      select im.component_id, greatest(i.began_at, ${start}::timestamptz) as s, least(coalesce(i.ended_at, 'infinity'), ${end}::timestamptz) as e, im.severity
      from impacts im join incidents i on i.id = im.incident_id
      where im.component_id in (${ids}) and i.began_at < ${end}::timestamptz and coalesce(i.ended_at, 'infinity') > ${start}::timestamptz
    ),
    points as (
      select component_id, s as t from spans union select component_id, e from spans
    ),
    segments as (
      select component_id, t as s, lead(t) over (partition by component_id order by t) as e from points
    ),
    weighed as (
      select g.component_id, extract(epoch from g.e - g.s) as seconds,
        bool_or(sp.severity = 0) as maintenance, max(sp.severity) as worst
      from segments g join spans sp on sp.component_id = g.component_id and sp.s <= g.s and sp.e >= g.e
      where g.e is not null and g.e > g.s
      group by g.component_id, g.s, g.e
    )
    select component_id,
      sum(case when maintenance then 0 else seconds * worst / 100.0 end) as down_seconds,
      sum(case when maintenance then seconds else 0 end) as maintenance_seconds
    from weighed group by component_id`)
  const rows = (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[]
  return new Map(rows.map(row => [row.component_id, { down: Number(row.down_seconds ?? 0), maintenance: Number(row.maintenance_seconds ?? 0) }]))
}

/** Every component's availability, in the order the components are listed. */
export async function listUptime(db: Queryable, timeZone = 'UTC') {
  const ids = (await db.select({ id: components.id }).from(components).orderBy(asc(components.displayName), asc(components.id))).map(row => row.id)
  const uptime = await uptimeOf(db, ids, timeZone)
  return ids.map(componentId => ({ componentId, periods: uptime.get(componentId)! }))
}

export async function getComponentUptime(db: Queryable, componentId: string, timeZone = 'UTC') {
  const [row] = await db.select({ id: components.id }).from(components).where(eq(components.id, componentId))
  if (!row) throw notFound(`No component with id ${componentId}.`)
  return { componentId, periods: (await uptimeOf(db, [componentId], timeZone)).get(componentId)! }
}

/** The lowest availability over the last `days` days of one component, or of any (UTC days). */
export async function lowestUptime(db: Queryable, days: typeof UPTIME_PERIODS[number], componentId?: string): Promise<number | undefined> {
  const periods = componentId ? [(await getComponentUptime(db, componentId)).periods] : (await listUptime(db)).map(entry => entry.periods)
  const figures = periods.flatMap(list => list.filter(period => period.days === days && period.uptime !== undefined).map(period => period.uptime!))
  return figures.length > 0 ? Math.min(...figures) : undefined
}

/** Each component's availability over the last 7, 30 and 90 days, days cut in `timeZone`. */
export async function uptimeOf(db: Queryable, componentIds: string[], timeZone: string, now = new Date()): Promise<Map<string, PeriodUptime[]>> {
  const result = new Map<string, PeriodUptime[]>(componentIds.map(id => [id, []]))
  if (componentIds.length === 0) return result
  for (const days of UPTIME_PERIODS) {
    const from = dayBounds(lastDays(now, days, timeZone)[0]!, timeZone).start
    const seconds = (now.getTime() - from.getTime()) / 1000
    const measured = await downtime(db, componentIds, from, now)
    for (const id of componentIds) {
      const { down, maintenance } = measured.get(id) ?? { down: 0, maintenance: 0 }
      const counted = seconds - maintenance
      result.get(id)!.push({
        days,
        from: from.toISOString(),
        to: now.toISOString(),
        ...(counted > 0 && { uptime: Math.max(0, 1 - down / counted) }),
        downSeconds: Math.round(down),
        maintenanceSeconds: Math.round(maintenance),
      })
    }
  }
  return result
}
