import { describe, expect, it } from 'vitest'
import { createRouteLabeler, UNROUTED } from '../../server/metrics/route-label.ts'

// As Nuxt hands them to Nitro, in no particular order.
const pages = ['/admin/incidents/:id', '/admin/incidents/new', '/incidents/:id', '/history', '/', '/docs/**:slug']
const label = createRouteLabeler(pages)

describe('the route label of a request', () => {
  it('is the API route pattern with braces, never the ids in the path', () => {
    expect(label('/api/incidents/:incidentId', '/api/incidents/6f1c2a9e-1111-4222-8333-944455556666')).toBe('/api/incidents/{incidentId}')
    expect(label('/api/incidents/:incidentId/updates/:updateId', '/api/incidents/x/updates/3')).toBe('/api/incidents/{incidentId}/updates/{updateId}')
    expect(label('/api/**', '/api/anything/at/all')).toBe('/api/**')
  })

  it('is the page pattern for what the page renderer answered', () => {
    expect(label('/**', '/incidents/6f1c2a9e-1111-4222-8333-944455556666?tab=updates')).toBe('/incidents/{id}')
    expect(label('/**', '/')).toBe('/')
    expect(label('/**', '/History/')).toBe('/history')
    expect(label('/**', '/docs/a/b/c')).toBe('/docs/{slug...}')
  })

  it('prefers fixed segments over parameters, as the router does', () => {
    expect(label('/**', '/admin/incidents/new')).toBe('/admin/incidents/new')
    expect(label('/**', '/admin/incidents/42')).toBe('/admin/incidents/{id}')
  })

  it('is the catch-all for paths no page has, so a scan of random paths adds no series', () => {
    expect(label('/**', '/wp-login.php')).toBe('/**')
    expect(label('/**', '/incidents/1/2')).toBe('/**')
  })

  it('says unrouted for what middleware or the public assets answered', () => {
    expect(label(undefined, '/_nuxt/entry.js')).toBe(UNROUTED)
  })
})
