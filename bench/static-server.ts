// The benchmarks' baseline: one fixed body, read from a file once and answered from memory to
// every request by a bare node:http server, with only content-type and content-length set.
// It runs in its own process so it shares no event loop with the load generator.
//   node bench/static-server.ts PORT FILE [CONTENT-TYPE]
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const [port, file, contentType = 'application/json'] = process.argv.slice(2)
if (!port || !file) {
  console.error('usage: node bench/static-server.ts PORT FILE [CONTENT-TYPE]')
  process.exit(2)
}

const body = readFileSync(file)
const headers = { 'content-type': contentType, 'content-length': String(body.length) }

const server = createServer((request, response) => {
  // Drain any request body, then answer; the response never depends on the request.
  request.resume()
  response.writeHead(200, headers)
  response.end(body)
})

server.listen(Number(port), '127.0.0.1', () => {
  console.log(`baseline serving ${body.length} bytes on http://127.0.0.1:${port}`)
})

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  })
}
