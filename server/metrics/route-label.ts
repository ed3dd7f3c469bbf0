// The route label of a request: the pattern it was routed by, never its path, since every distinct
// label value is a time series of its own and paths are the client's to choose. Pure, so it is
// tested on its own.

/** Nitro's `/api/incidents/:incidentId` as OpenAPI writes it: `/api/incidents/{incidentId}`. */
const braced = (pattern: string) => pattern.replace(/\*\*:(\w+)/g, '{$1...}').replace(/:(\w+)/g, '{$1}')

/** What answered without the router: public assets, or middleware (CORS preflights, refusals). */
export const UNROUTED = 'unrouted'
/** Nitro's catch-all route to the page renderer. */
export const RENDERER = '/**'

interface PagePattern {
  label: string
  segments: string[]
}

function matches({ segments }: PagePattern, path: string[]): boolean {
  if (segments.at(-1)?.startsWith('**')) return path.length >= segments.length - 1 && segments.slice(0, -1).every((segment, i) => fits(segment, path[i]!))
  return path.length === segments.length && segments.every((segment, i) => fits(segment, path[i]!))
}

// Vue Router matches pages regardless of case.
const fits = (segment: string, part: string) => segment.startsWith(':') || segment === part.toLowerCase()

/**
 * Labels requests by the route Nitro matched; those that went to the page renderer by the page
 * (Nuxt's pages as Nitro route patterns, `/incidents/:id`) or else the renderer's catch-all.
 */
export function createRouteLabeler(pagePatterns: readonly string[]) {
  // Fixed segments win over parameters, as in the router: /admin/incidents/new before /admin/incidents/:id.
  const dynamic = (pattern: string) => pattern.split('/').filter(segment => segment.includes(':')).length
  const pages: PagePattern[] = [...pagePatterns].sort((a, b) => dynamic(a) - dynamic(b))
    .map(pattern => ({ label: braced(pattern), segments: pattern.toLowerCase().split('/').filter(Boolean) }))
  // Nitro's routes are few and fixed, so their labels are worth keeping.
  const routes = new Map<string, string>()
  return (matchedRoute: string | undefined, path: string): string => {
    if (matchedRoute === undefined) return UNROUTED
    if (matchedRoute !== RENDERER) {
      let label = routes.get(matchedRoute)
      if (label === undefined) routes.set(matchedRoute, label = braced(matchedRoute))
      return label
    }
    const segments = (path.split('?')[0] ?? '').split('/').filter(Boolean)
    return pages.find(page => matches(page, segments))?.label ?? RENDERER
  }
}
