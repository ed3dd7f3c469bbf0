// No N+1: every list runs a fixed, small number of SQL queries, whatever the number of rows.
// This file talks to a database of its own through the services, not to the server: the server's
// database only tells which kind to use (the embedded one is locked by the server).
import { createTestDatabase } from '../support/postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../db/client'
import { migrate } from '../../db/migrate'
import { createComponent, listComponents } from '../../server/services/components'
import { createImpactType, listImpactTypes } from '../../server/services/impact-types'
import { createIncidentUpdate, listIncidentUpdates } from '../../server/services/incident-updates'
import { createIncident, listIncidents } from '../../server/services/incidents'
import { createPhaseList, getPhaseList } from '../../server/services/phases'
import { createSeverity, listSeverities } from '../../server/services/severities'
import { DAY } from '../../shared/time'

const MAX_QUERIES = 3

let handle: DatabaseHandle
let dropDatabase: (() => Promise<void>) | undefined

// The queries the services run while `counting` is on.
let counting = false
const queries: string[] = []
const logger = {
  logQuery(query: string) {
    if (counting) queries.push(query)
  },
}

beforeAll(async () => {
  if (inject('database') === 'postgres') {
    const database = await createTestDatabase('status_page_query_count')
    dropDatabase = database.drop
    handle = await openDatabase({ url: database.url, dataDir: '', logger })
  }
  else {
    handle = await openDatabase({ url: 'memory://', dataDir: '', logger })
  }
  await migrate(handle.db)
})

afterAll(async () => {
  await handle?.close()
  await dropDatabase?.()
})

// The rows seeded so far, and what the lists are asked about.
let seeded = 0
let busyIncident: string
const start = new Date('2028-01-01T00:00:00Z')

/** Adds rows of every kind until there are `n` of each; one incident has `n` updates. */
async function seedUpTo(n: number) {
  const { db } = handle
  busyIncident ??= (await createIncident(db, { displayName: 'Busy', beganAt: start.toISOString() })).id
  for (let i = seeded; i < n; i++) {
    const { id: component } = await createComponent(db, { displayName: `Component ${i}`, labels: { i: String(i) } })
    const { id: type } = await createImpactType(db, { displayName: `Impact type ${i}`, description: `Type ${i}` })
    await createSeverity(db, { displayName: `Severity ${i}`, value: i })
    await createPhaseList(db, [`Phase ${i}`, 'Done'])
    const { id: incident } = await createIncident(db, {
      displayName: `Incident ${i}`,
      description: `Incident ${i}`,
      beganAt: new Date(start.getTime() + i * DAY).toISOString(),
      endedAt: i % 2 ? new Date(start.getTime() + (i + 1) * DAY).toISOString() : null,
      affects: [{ reference: component, type, severity: 10 + i }],
    })
    await createIncidentUpdate(db, incident, { displayName: `Update of ${i}` })
    await createIncidentUpdate(db, busyIncident, { displayName: `Update ${i}` })
  }
  seeded = n
}

/** The queries `list` runs, with how many rows it returned. */
async function queriesOf(list: () => Promise<unknown[] | object>) {
  queries.length = 0
  counting = true
  try {
    const result = await list()
    return { queries: [...queries], rows: Array.isArray(result) ? result.length : 1 }
  }
  finally {
    counting = false
  }
}

const lists = {
  listComponents: () => listComponents(handle.db, new Date(start.getTime() + 1.5 * DAY)),
  listIncidents: () => listIncidents(handle.db, start, new Date(start.getTime() + 100 * DAY)),
  listIncidentUpdates: () => listIncidentUpdates(handle.db, busyIncident),
  listImpactTypes: () => listImpactTypes(handle.db),
  listSeverities: () => listSeverities(handle.db),
  getPhaseList: () => getPhaseList(handle.db),
}

describe('the number of queries of a list', () => {
  const few = {} as Record<keyof typeof lists, string[]>

  it('is small with 2 rows', async () => {
    await seedUpTo(2)
    for (const [name, list] of Object.entries(lists)) {
      const { queries, rows } = await queriesOf(list)
      expect(rows, name).toBeGreaterThanOrEqual(name === 'getPhaseList' ? 1 : 2)
      expect(queries.length, `${name}:\n${queries.join('\n')}`).toBeGreaterThan(0)
      expect(queries.length, `${name}:\n${queries.join('\n')}`).toBeLessThanOrEqual(MAX_QUERIES)
      few[name as keyof typeof lists] = queries
    }
  })

  it('is the same with 30 rows', async () => {
    await seedUpTo(30)
    for (const [name, list] of Object.entries(lists)) {
      const { queries, rows } = await queriesOf(list)
      expect(rows, name).toBeGreaterThanOrEqual(name === 'getPhaseList' ? 1 : 30)
      expect(queries.length, `${name} with 30 rows:\n${queries.join('\n')}`).toBe(few[name as keyof typeof lists]?.length)
    }
  })

  it('includes the related rows in those queries', async () => {
    const components = await listComponents(handle.db, new Date(start.getTime() + 1.5 * DAY))
    // Incident 1 lasts from day 1 to day 2: its component is the one affected at day 1.5.
    const affected = components.filter(component => component.activelyAffectedBy.length > 0).map(component => component.displayName)
    expect(affected).toContain('Component 1')
    expect(affected).not.toContain('Component 3')
    const incidents = await listIncidents(handle.db, start, new Date(start.getTime() + 100 * DAY))
    const incident = incidents.find(incident => incident.displayName === 'Incident 7')
    expect(incident?.affects).toHaveLength(1)
    expect(incident?.updates).toEqual([0])
    expect((await listIncidentUpdates(handle.db, busyIncident)).map(update => update.order)).toEqual(Array.from({ length: 30 }, (_, i) => i))
  })
})
