// Assertions on problem+json errors beyond what expectProblem checks.
import { expect } from 'vitest'
import { expectProblem, type Reply } from './client'

/** A 400 for a field the schema does not know, which names that field. */
export function expectUnknownField(reply: Reply, name: string) {
  const problem = expectProblem(reply, 400, name) as { errors: { field: string, message: string }[] }
  expect(problem.errors.find(e => e.field === name)?.message).toBe('unknown field')
}
