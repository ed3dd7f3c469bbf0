// /metrics on a port of its own (STATUS_PAGE_METRICS_PORT), without a token: a plain node:http
// server beside Nitro's, so that scrapes neither count as the app's requests nor need the app's
// routes. Whoever can reach the port can read the metrics; it listens on loopback unless
// STATUS_PAGE_METRICS_HOST says otherwise.
import { createServer, type Server } from 'node:http'
import { metricsContentType, scrapeMetrics } from './scrape'

export function serveMetricsPort(port: number, host: string): Server {
  const server = createServer(async (request, response) => {
    if (request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: the metrics are at /metrics.\n')
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { 'allow': 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Only GET and HEAD.\n')
      return
    }
    try {
      const text = await scrapeMetrics()
      response.writeHead(200, { 'content-type': metricsContentType, 'cache-control': 'no-store' }).end(request.method === 'HEAD' ? undefined : text)
    }
    catch (error) {
      console.error('Metrics could not be collected:', error)
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics could not be collected.\n')
    }
  })
  server.on('error', error => console.error(`The metrics port ${host}:${port} could not be opened:`, error))
  server.listen(port, host)
  return server
}
