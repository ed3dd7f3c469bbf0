// The `?component=<id>` and `?label=<key>:<value>` filters that the feeds, the calendar and the
// Statuspage-style reads share. Both given: components that match both.
import { and, eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { Queryable } from '../../db/client.ts'
import { components } from '../../db/schema.ts'
import type { PublicFilterQuery } from '../../openapi/schemas.ts'
import { invalidField } from '../problem.ts'

export type PublicFilterParams = z.infer<typeof PublicFilterQuery>

/** The ids of the components the filter selects; undefined when it selects everything. */
export async function filteredComponentIds(db: Queryable, { component, label }: PublicFilterParams): Promise<string[] | undefined> {
  if (!component && !label) return undefined
  const [key, value] = label ? splitLabel(label) : []
  const rows = await db.select({ id: components.id }).from(components).where(and(
    component ? eq(components.id, component) : undefined,
    // A label nobody carries yet is not an error: components may get it later.
    label ? sql`${components.labels} ->> ${key} = ${value}` : undefined,
  ))
  if (component && rows.length === 0 && (!label || !await componentExists(db, component))) {
    throw invalidField('component', `no component with id ${component}`)
  }
  return rows.map(row => row.id)
}

async function componentExists(db: Queryable, id: string) {
  return (await db.select({ id: components.id }).from(components).where(eq(components.id, id))).length > 0
}

function splitLabel(label: string): [string, string] {
  const colon = label.indexOf(':')
  return [label.slice(0, colon), label.slice(colon + 1)]
}
