// Incident templates: named presets of a title, a description, impacts and a first update, so a
// common incident is opened in a few clicks. Opening one goes through the incidents service.
import { asc, eq } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { components, impactTypes, incidentTemplates } from '../../db/schema.ts'
import type { NewTemplate, TemplateData } from '../../openapi/admin-schemas.ts'
import { assertImpactsResolve } from './incidents.ts'
import { conflict, databaseError, notFound, UNIQUE_VIOLATION } from '../problem.ts'

type TemplateInput = Omit<NewTemplate, 'id'>
type TemplateRow = typeof incidentTemplates.$inferSelect

const noTemplate = (id: string) => notFound(`No incident template with id ${id}.`)

function duplicateName(name: string | undefined) {
  return (error: unknown): never => {
    if (databaseError(error)?.code !== UNIQUE_VIOLATION) throw error
    throw conflict(`name: a template named "${name}" already exists`, [{ field: 'name', message: 'already taken', code: 'taken' }])
  }
}

/** Templates as the API shows them, without impacts on components or types deleted since. */
async function toTemplateData(db: Queryable, rows: TemplateRow[]): Promise<TemplateData[]> {
  const [componentIds, typeIds] = await Promise.all([
    db.select({ id: components.id }).from(components).then(found => new Set(found.map(row => row.id))),
    db.select({ id: impactTypes.id }).from(impactTypes).then(found => new Set(found.map(row => row.id))),
  ])
  return rows.map(row => ({
    id: row.id,
    name: row.name,
    displayName: row.displayName,
    ...(row.description !== null && { description: row.description }),
    affects: row.affects.filter(impact => componentIds.has(impact.reference) && typeIds.has(impact.type)),
    ...(row.firstUpdate !== null && { firstUpdate: row.firstUpdate }),
  }))
}

export async function listTemplates(db: Queryable): Promise<TemplateData[]> {
  return toTemplateData(db, await db.select().from(incidentTemplates).orderBy(asc(incidentTemplates.name)))
}

export async function getTemplate(db: Queryable, id: string): Promise<TemplateData> {
  const rows = await db.select().from(incidentTemplates).where(eq(incidentTemplates.id, id))
  if (rows.length === 0) throw noTemplate(id)
  return (await toTemplateData(db, rows))[0]!
}

export async function createTemplate(db: Queryable, input: TemplateInput): Promise<{ id: string }> {
  const affects = input.affects ?? []
  await assertImpactsResolve(db, affects)
  const [row] = await db.insert(incidentTemplates).values({
    name: input.name,
    displayName: input.displayName,
    description: input.description,
    affects,
    firstUpdate: input.firstUpdate ?? null,
  }).returning({ id: incidentTemplates.id }).catch(duplicateName(input.name))
  return row!
}

export async function updateTemplate(db: Queryable, id: string, patch: Partial<TemplateInput>) {
  if (patch.affects) await assertImpactsResolve(db, patch.affects)
  const { name, displayName, description, affects, firstUpdate } = patch
  const changes = { name, displayName, description, affects, firstUpdate }
  if (Object.values(changes).every(value => value === undefined)) return getTemplate(db, id).then(() => undefined)
  const updated = await db.update(incidentTemplates).set(changes).where(eq(incidentTemplates.id, id))
    .returning({ id: incidentTemplates.id }).catch(duplicateName(name))
  if (updated.length === 0) throw noTemplate(id)
}

export async function deleteTemplate(db: Queryable, id: string) {
  const deleted = await db.delete(incidentTemplates).where(eq(incidentTemplates.id, id)).returning({ id: incidentTemplates.id })
  if (deleted.length === 0) throw noTemplate(id)
}
