// Severities are global and scarce: names and values (0..100) are both unique. Tests take values
// nobody uses yet and delete what they created when they are done.
import { expect } from 'vitest'
import { del, expectResponse, get, post } from './client'
import { uniqueName } from './fixtures'

// Odd values first, so tests rarely collide with a typical configuration (0, 33, 66, 100 …).
const preferred = [83, 47, 61, 29, 97, 13, 71, 37, 59, 41, 19, 89, 7, 53, 67, 31, 23, 79, 43, 11, 17, 73, 91, 3]

/** `count` values no severity has yet. */
export async function freeSeverityValues(count: number): Promise<number[]> {
  const { data } = expectResponse(await get('/api/severities'), 'getSeverities', 200)
  const taken = new Set(data.map((severity: { value: number }) => severity.value))
  const candidates = [...preferred, ...Array.from({ length: 101 }, (_, value) => value)]
  const free = [...new Set(candidates)].filter(value => !taken.has(value)).slice(0, count)
  if (free.length < count) throw new Error(`only ${free.length} severity values are free`)
  return free
}

/** Creates severities and deletes them again; names it was told about (renames) too. */
export function severityJanitor() {
  const names = new Set<string>()
  return {
    /** Remembers a name to delete at the end, e.g. the new name of a renamed severity. */
    track(name: string) {
      names.add(name)
      return name
    },
    async create(value?: number, displayName = uniqueName('Severity')) {
      const severity = { displayName, value: value ?? (await freeSeverityValues(1))[0]! }
      names.add(displayName)
      const reply = await post('/api/severities', severity)
      expectResponse(reply, 'createSeverity', 204)
      expect(reply.body).toBe('')
      return severity
    },
    async cleanup() {
      for (const name of names) {
        const reply = await del(`/api/severities/${encodeURIComponent(name)}`)
        expect([204, 404], `deleting severity "${name}"`).toContain(reply.status)
      }
      names.clear()
    },
  }
}
