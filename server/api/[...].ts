import type { Operation } from '../../openapi/operation'
import { operations } from '../../openapi/operations'
import { notFound, Problem } from '../problem'

// The API's paths as patterns, from the operation definitions, to tell an unknown path (404) from
// a known one asked with a method it does not have (405). Operations with their own `servers`
// (health, feeds, calendar) live at the site's root, not below /api.
const methods = new Map<string, string[]>()
for (const operation of Object.values(operations) as Operation[]) {
  if (operation.servers) continue
  methods.set(operation.path, [...methods.get(operation.path) ?? [], operation.method.toUpperCase()])
}
const known = [...methods].map(([path, allowed]) => ({ pattern: new RegExp(`^/api${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`), allowed }))

// Unknown API paths answer in problem+json too, never with the HTML 404 page.
export default defineApiHandler(async (event) => {
  const path = pathAsSent(event)
  const match = known.find(({ pattern }) => pattern.test(path))
  if (!match) throw notFound(`There is no API operation at ${path}.`)
  setResponseHeader(event, 'allow', match.allowed.join(', '))
  throw new Problem(405, 'Method Not Allowed', `${path} allows ${match.allowed.join(', ')}, not ${event.method}.`)
})
