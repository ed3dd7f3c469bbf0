// Writes openapi/openapi.json from the schemas, for readers and tools that want a file, and
// openapi/routes.ts, the method and URL of each operation for the client.
// A test fails when either committed file is out of date.
import { writeFile } from 'node:fs/promises'
import { buildOpenApiDocument } from '../openapi/document.ts'
import { routesModule } from '../openapi/routes-module.ts'

const files: [string, string][] = [['openapi.json', `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`], ['routes.ts', routesModule()]]
for (const [file, text] of files) {
  const target = new URL(`../openapi/${file}`, import.meta.url)
  await writeFile(target, text)
  console.log(`Wrote ${target.pathname}`)
}
