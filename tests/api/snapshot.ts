// "A refused write changes nothing": everything a client can read, before and after.
import { expect } from 'vitest'
import { get } from './client'
import { query } from './fixtures'

// Wide enough for every incident the tests create.
const window = query({ start: '1900-01-01T00:00:00Z', end: '2999-12-31T00:00:00Z' })

/** The lists of every resource, plus the extra paths given; components as seen at `at`. */
async function readAll(at: string, extraPaths: string[]) {
  const paths = [
    `/api/components${query({ at })}`,
    '/api/impacttypes',
    '/api/severities',
    '/api/phases',
    `/api/incidents${window}`,
    ...extraPaths,
  ]
  const replies = await Promise.all(paths.map(path => get(path)))
  return Object.fromEntries(paths.map((path, i) => [path, { status: replies[i]!.status, body: replies[i]!.body }]))
}

/**
 * Runs `act` and asserts that everything readable (the lists, and `extraPaths` such as the
 * resource the request was about) is the same afterwards.
 */
export async function expectUnchanged(act: () => Promise<unknown>, extraPaths: string[] = []) {
  // A fixed reference time, so an incident that begins meanwhile does not count as a change.
  const at = new Date().toISOString()
  const before = await readAll(at, extraPaths)
  for (const [path, { status }] of Object.entries(before)) expect(status, path).toBeLessThan(500)
  await act()
  expect(await readAll(at, extraPaths)).toEqual(before)
}
