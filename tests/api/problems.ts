// Assertions on problem+json errors beyond what expectProblem checks.
import { expect } from 'vitest'
import { expectProblem, type Reply } from './client'

/** A 400 for a field the schema does not know, which names that field (as `field` or in the message). */
export function expectUnknownField(reply: Reply, name: string) {
  const problem = expectProblem(reply, 400) as { errors?: { field: string, message: string }[] }
  expect(problem.errors?.some(e => e.field === name || e.message.includes(name)), JSON.stringify(problem)).toBe(true)
}
