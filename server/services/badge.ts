// SVG status badges: a grey label and the state in words on the colour of its severity level.
// Text widths are estimated from Verdana's proportions, so no font needs to be loaded.
import { z } from 'zod'
import type { SeverityLevel } from '../../shared/status/severity.ts'
import { levelColours } from '../../shared/theme.ts'

export const BadgeQuery = z.object({
  label: z.string().trim().min(1).max(60).optional(),
  style: z.enum(['flat', 'flat-square']).default('flat'),
  palette: z.enum(['cb']).optional(),
  // `uptime`: the availability over the last 30 days (server/services/uptime.ts) instead of the state.
  show: z.enum(['state', 'uptime']).default('state'),
})

export type BadgeOptions = z.infer<typeof BadgeQuery>

// Approximate advance widths at 11px, in pixels.
function textWidth(text: string): number {
  let width = 0
  for (const char of text) {
    if ('iIjl.,:;|!\'` '.includes(char)) width += 3.7
    else if ('mwMW@%'.includes(char)) width += 10
    else if (char >= 'A' && char <= 'Z') width += 7.6
    else width += 6.6
  }
  return Math.ceil(width)
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

export function renderBadge(label: string, message: string, level: SeverityLevel, { style, palette }: BadgeOptions): string {
  const colour = levelColours(palette === 'cb' ? 'colorblind' : 'standard', 'light')[level]
  const left = textWidth(label) + 12
  const right = textWidth(message) + 12
  const width = left + right
  const title = escapeXml(`${label}: ${message}`)
  const radius = style === 'flat' ? 3 : 0
  // flat: rounded with a faint gloss; flat-square: square, no gloss.
  const gloss = style === 'flat'
    ? '<linearGradient id="g" x2="0" y2="100%"><stop offset="0" stop-color="#fff" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>'
    : ''
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>${gloss}`,
    `<clipPath id="c"><rect width="${width}" height="20" rx="${radius}"/></clipPath>`,
    `<g clip-path="url(#c)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${colour}"/>`,
    style === 'flat' ? `<rect width="${width}" height="20" fill="url(#g)"/></g>` : '</g>',
    '<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">',
    `<text x="${left / 2}" y="14">${escapeXml(label)}</text><text x="${left + right / 2}" y="14">${escapeXml(message)}</text></g></svg>`,
  ].join('')
}

/** The colour of an availability: green from 99.9 %, the minor colour from 99 %, else the major. */
export const uptimeLevel = (uptime: number | undefined): SeverityLevel =>
  uptime === undefined ? 'maintenance' : uptime >= 0.999 ? 'operational' : uptime >= 0.99 ? 'minor' : 'major'
