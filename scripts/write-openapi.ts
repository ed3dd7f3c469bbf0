// Writes openapi/openapi.json from the schemas, for readers and tools that want a file.
// A test fails when the committed file is out of date.
import { writeFile } from 'node:fs/promises'
import { buildOpenApiDocument } from '../openapi/document.ts'

const target = new URL('../openapi/openapi.json', import.meta.url)
await writeFile(target, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`)
console.log(`Wrote ${target.pathname}`)
