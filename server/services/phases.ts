// Phase lists are kept as generations: a list is never edited, a new list is the next generation.
import { desc, eq, sql } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import { phaseLists } from '../../db/schema.ts'
import type { PhaseListData } from '../../openapi/schemas.ts'
import { invalidField, notFound } from '../problem.ts'

/** The newest generation, or the one asked for. Before any list exists: generation 0, no phases. */
export async function getPhaseList(db: Queryable, generation?: number): Promise<PhaseListData> {
  const [row] = await db.select({ generation: phaseLists.generation, phases: phaseLists.phases }).from(phaseLists)
    .where(generation === undefined ? undefined : eq(phaseLists.generation, generation))
    .orderBy(desc(phaseLists.generation)).limit(1)
  if (row) return row
  if (generation !== undefined) throw notFound(`No phase list of generation ${generation}.`)
  return { generation: 0, phases: [] }
}

export function createPhaseList(db: Queryable, phases: string[]): Promise<{ generation: number }> {
  return db.transaction(async (tx) => {
    // Concurrent posts must not compute the same next generation.
    await tx.execute(sql`lock table ${phaseLists} in exclusive mode`)
    const [{ generation }] = await tx.insert(phaseLists)
      .values({ generation: sql`(select coalesce(max(${phaseLists.generation}), 0) + 1 from ${phaseLists})`, phases })
      .returning({ generation: phaseLists.generation }) as [{ generation: number }]
    return { generation }
  })
}

/** Checks that a phase reference names an existing generation and a phase in it. */
export async function assertPhaseExists(db: Queryable, phase: { generation: number, order: number }) {
  const [row] = await db.select({ phases: phaseLists.phases }).from(phaseLists).where(eq(phaseLists.generation, phase.generation))
  if (!row) throw invalidField('phase.generation', `there is no phase list of generation ${phase.generation}`, 'not_found')
  if (phase.order >= row.phases.length) {
    throw invalidField('phase.order', `generation ${phase.generation} has ${row.phases.length} phases, numbered from 0`, 'not_found')
  }
}
