// Reads the SCS reference server's provisioning YAML and fills each kind of resource that is
// still empty, so a restart never duplicates or overwrites what operators changed since.
import { readFile } from 'node:fs/promises'
import { count } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import { parse } from 'yaml'
import { z } from 'zod'
import type { Database, Queryable } from '../../db/client.ts'
import { components, impactTypes, phaseLists, severities } from '../../db/schema.ts'
import { DisplayName, Labels, Phase, SeverityValue } from '../../openapi/schemas.ts'
import { createComponent } from './components.ts'
import { createImpactType } from './impact-types.ts'
import { createPhaseList } from './phases.ts'
import { createSeverity } from './severities.ts'

// The reference server's keys are lower case (`displayname`); labels may be null or numbers in YAML.
const ProvisioningFile = z.strictObject({
  impactTypes: z.array(z.object({ displayname: DisplayName, description: z.string().optional() })).default([]),
  components: z.array(z.object({
    displayname: DisplayName,
    labels: z.preprocess(
      labels => Object.fromEntries(Object.entries(labels ?? {}).map(([key, value]) => [key, String(value)])),
      Labels,
    ),
  })).default([]),
  phases: z.array(z.object({ name: Phase })).default([]),
  severities: z.array(z.object({ name: DisplayName, value: SeverityValue })).default([]),
})

export type Provisioning = z.infer<typeof ProvisioningFile>

export async function readProvisioningFile(path: string): Promise<Provisioning> {
  const parsed = ProvisioningFile.safeParse(parse(await readFile(path, 'utf8')) ?? {})
  if (!parsed.success) {
    const problems = parsed.error.issues.map(issue => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Provisioning file ${path} is invalid: ${problems.join('; ')}`)
  }
  return parsed.data
}

const isEmpty = async (db: Queryable, table: PgTable) => (await db.select({ n: count() }).from(table))[0]!.n === 0

/** Applies the file to each kind of resource that has no rows yet; returns the kinds it filled. */
export function provision(db: Database, file: Provisioning): Promise<string[]> {
  return db.transaction(async (tx) => {
    const filled: string[] = []
    const fill = async (kind: keyof Provisioning, table: PgTable, create: () => Promise<unknown>) => {
      if (file[kind].length === 0 || !await isEmpty(tx, table)) return
      await create()
      filled.push(kind)
    }
    await fill('impactTypes', impactTypes, () => Promise.all(file.impactTypes.map(type =>
      createImpactType(tx, { displayName: type.displayname, description: type.description }))))
    await fill('components', components, () => Promise.all(file.components.map(component =>
      createComponent(tx, { displayName: component.displayname, labels: component.labels }))))
    await fill('phases', phaseLists, () => createPhaseList(tx, file.phases.map(phase => phase.name)))
    await fill('severities', severities, () => Promise.all(file.severities.map(severity =>
      createSeverity(tx, { displayName: severity.name, value: severity.value }))))
    return filled
  })
}
