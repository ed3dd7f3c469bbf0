// /badge.svg and /components/<id>/badge.svg, from the read cache. Badges are embedded in READMEs
// and wikis on other sites, whose image proxies may keep them for the short max-age.
import { BadgeQuery, renderBadge } from '../services/badge'
import { currentState } from '../services/current-state'

const policy = { cacheControl: 'public, max-age=30, s-maxage=30', vary: 'Accept-Encoding' }

export function defineBadgeRoute(componentOf: (event: Parameters<typeof routeId>[0]) => string | undefined) {
  return defineCachedRead(async (event) => {
    const options = queryAs(event, BadgeQuery)
    const state = await currentState(await useDatabase(), componentOf(event))
    return {
      body: renderBadge(options.label ?? state.name ?? 'status', state.words, state.level, options),
      headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'access-control-allow-origin': '*' },
    }
  }, { policy })
}
