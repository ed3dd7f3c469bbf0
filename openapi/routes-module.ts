// The text of openapi/routes.ts, which `npm run openapi` writes: the method and URL of each
// operation, so that the client can call operations by id without loading their schemas.
import type { Operation } from './operation.ts'
import { operations } from './operations/index.ts'

export function routesModule() {
  const rows = (Object.values(operations) as Operation[]).map(({ operationId, method, path, servers }) =>
    `  ${operationId}: ['${method}', '${servers ? path : `/api${path}`}'],`)
  return [
    '// Written by `npm run openapi` from openapi/operations/; the type check keeps it in step with them.',
    'import type { RouteTable } from \'./operations/index.ts\'',
    '',
    'export const routes = {',
    ...rows,
    '} as const satisfies RouteTable',
    '',
  ].join('\n')
}
