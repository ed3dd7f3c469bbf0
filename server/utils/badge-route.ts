// /badge.svg and /components/<id>/badge.svg, from the read cache. Badges are embedded in READMEs
// and wikis on other sites, whose image proxies may keep them for the short max-age.
import { BadgeQuery, renderBadge, uptimeLevel } from '../services/badge'
import { currentState } from '../services/current-state'
import { lowestUptime } from '../services/uptime'

const policy = { cacheControl: 'public, max-age=30, s-maxage=30', vary: 'Accept-Encoding' }

export function defineBadgeRoute(componentOf: (event: Parameters<typeof routeId>[0]) => string | undefined) {
  return defineCachedRead(async (event) => {
    const options = queryAs(event, BadgeQuery)
    const db = await useDatabase()
    const componentId = componentOf(event)
    const state = await currentState(db, componentId)
    const label = options.label ?? state.name ?? (options.show === 'uptime' ? 'uptime' : 'status')
    // The overall badge shows the lowest availability of any component.
    const uptime = options.show === 'uptime' ? await lowestUptime(db, 30, componentId) : undefined
    const body = options.show === 'uptime'
      ? renderBadge(label, uptime === undefined ? 'n/a' : `${(Math.floor(uptime * 10_000) / 100).toFixed(2)}%`, uptimeLevel(uptime), options)
      : renderBadge(label, state.words, state.level, options)
    return {
      body,
      headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'access-control-allow-origin': '*' },
    }
  }, { query: BadgeQuery, policy })
}
