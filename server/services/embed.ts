// The embeddable status: a tiny HTML page for an <iframe> on other sites, without JavaScript,
// in the system's light or dark colours. Links open the full status page in the top window.
import type { Queryable } from '../../db/client.ts'
import { levelColours } from '../../shared/theme.ts'
import { listComponents } from './components.ts'
import { currentState } from './current-state.ts'
import { listIncidents } from './incidents.ts'
import { getSettings } from './settings.ts'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

/** At most this many active incidents are named; the rest are a link away. */
const SHOWN = 3

export async function renderEmbed(db: Queryable, origin: string, colourBlind: boolean, now = new Date()): Promise<string> {
  const [settings, state, components, incidents] = await Promise.all([
    getSettings(db),
    currentState(db),
    listComponents(db, now),
    listIncidents(db, now, now),
  ])
  // The worst active impact of each incident: the worst incidents are named first.
  const worst = new Map<string, number>()
  for (const impact of components.flatMap(component => component.activelyAffectedBy)) {
    worst.set(impact.reference, Math.max(worst.get(impact.reference) ?? 0, impact.severity))
  }
  const active = incidents.filter(incident => worst.has(incident.id))
    .sort((a, b) => worst.get(b.id)! - worst.get(a.id)! || Date.parse(b.beganAt) - Date.parse(a.beganAt))
  const palette = colourBlind ? 'colorblind' : 'standard'
  const light = levelColours(palette, 'light')[state.level]
  const dark = levelColours(palette, 'dark')[state.level]
  const items = active.slice(0, SHOWN)
    .map(incident => `<li><a href="${origin}/incidents/${incident.id}" target="_top">${escapeHtml(incident.displayName)}</a></li>`)
  if (active.length > SHOWN) items.push(`<li>and ${active.length - SHOWN} more</li>`)
  const title = escapeHtml(settings.title)
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title>
<style>
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#5f6368;--dot:${light}}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#1e1e1e;--muted:#b0b5bb;--dot:${dark}}}
body{margin:0;padding:8px 12px;font:14px/1.4 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
p{margin:0}a{color:inherit}ul{margin:4px 0 0;padding-left:20px}small{color:var(--muted)}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;background:var(--dot);margin-right:6px}
</style></head>
<body><p><span class="dot" aria-hidden="true"></span><strong>${escapeHtml(state.words)}</strong> <small>· <a href="${origin}/" target="_top">${title}</a></small></p>
${items.length > 0 ? `<ul>${items.join('')}</ul>` : ''}</body></html>
`
}
