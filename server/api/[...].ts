import { buildOpenApiDocument } from '../../openapi/document'
import { notFound, Problem } from '../problem'

// The API's paths as patterns, from the OpenAPI document, to tell an unknown path (404) from a
// known one asked with a method it does not have (405).
const operations = Object.entries(buildOpenApiDocument().paths).map(([path, item]) => ({
  pattern: new RegExp(`^/api${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  methods: Object.keys(item).filter(key => ['get', 'post', 'patch', 'delete'].includes(key)).map(m => m.toUpperCase()),
}))

// Unknown API paths answer in problem+json too, never with the HTML 404 page.
export default defineApiHandler(async (event) => {
  const path = event.path.split('?')[0]!
  const known = operations.find(operation => operation.pattern.test(path))
  if (!known) throw notFound(`There is no API operation at ${path}.`)
  setResponseHeader(event, 'allow', known.methods.join(', '))
  throw new Problem(405, 'Method Not Allowed', `${path} allows ${known.methods.join(', ')}, not ${event.method}.`)
})
