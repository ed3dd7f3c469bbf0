// Counting and timing requests (server/middleware/0.0.metrics.ts) and page renders
// (server/plugins/metrics.ts). A response is read once it has been sent, so errors, streams,
// cached answers and what middleware answered count alike.
import type { H3Event } from 'h3'
import type { RenderContext } from 'nitropack/types'
import pagePatterns from '#page-routes'
import { cacheLookups, httpDuration, httpRequests, pageRenders } from './registry'
import { createRouteLabeler, RENDERER } from './route-label'

const routeLabel = createRouteLabeler(pagePatterns)
const labelOf = (event: H3Event) => routeLabel(event.context.matchedRoute?.path, event.path)

// The method is the client's to choose too: anything unusual counts as one.
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
const cacheOutcomes = new Set(['hit', 'miss', 'stale'])

/** Records the request when its response is sent. Call it as the request arrives. */
export function recordRequest(event: H3Event) {
  // Requests a page render makes to the API in-process ($fetch) are part of that page's request.
  if ('__unenv__' in event.node.req) return
  const started = performance.now()
  // Read now: HEAD is answered as GET (server/middleware/0.head.ts, which runs after).
  const method = METHODS.has(event.method) ? event.method : 'other'
  const response = event.node.res
  response.once('finish', () => {
    const route = labelOf(event)
    httpRequests.inc({ method, route, status: response.statusCode })
    httpDuration.observe({ method, route }, (performance.now() - started) / 1000)
    const outcome = response.getHeader('x-cache')
    if (typeof outcome === 'string' && cacheOutcomes.has(outcome)) {
      cacheLookups.inc({ cache: event.context.matchedRoute?.path === RENDERER ? 'page' : 'api', outcome })
    }
  })
}

/** Times every render of a page, whether the page cache asks for it or Nuxt renders by itself. */
export function timeRenders(context: RenderContext) {
  const render = context.render
  context.render = async (event) => {
    const stop = pageRenders.startTimer({ route: labelOf(event) })
    try {
      return await render(event)
    }
    finally {
      stop()
    }
  }
}
