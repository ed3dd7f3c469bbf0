// What a mail says, in the subscriber's language and time zone: plain text and HTML from the same
// parts. Pure, so that it is tested without an SMTP server.
import type { EventKind } from '../../shared/events.ts'
import { messages, type Locale } from '../../shared/i18n/index.ts'
import { createFormatter } from '../../shared/i18n/format.ts'
import { severityFor, worstSeverity, type Severity } from '../../shared/status/severity.ts'
import type { EventPayload } from './events.ts'

export interface Site {
  title: string
  /** An absolute URL of the logo, if the settings name one. */
  logoUrl?: string
  /** The public URL without a trailing slash. */
  url: string
}

export interface MailContent {
  subject: string
  text: string
  html: string
}

const escape = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

/** A paragraph or a link, written both ways. */
type Part = { text: string } | { text: string, href: string } | { heading: string } | { small: string }

/** A part as plain text. */
function textOf(part: Part): string {
  if ('href' in part) return `${part.text}: ${part.href}`
  if ('heading' in part) return `\n${part.heading}`
  if ('small' in part) return `\n-- \n${part.small}`
  return part.text
}

/** A part as HTML. */
function htmlOf(part: Part): string {
  if ('href' in part) return `<p><a href="${escape(part.href)}">${escape(part.text)}</a></p>`
  if ('heading' in part) return `<h2 style="font-size:16px">${escape(part.heading)}</h2>`
  if ('small' in part) return `<p style="color:#555;font-size:12px">${escape(part.small)}</p>`
  return `<p>${escape(part.text).replace(/\n/g, '<br>')}</p>`
}

function render(site: Site, subject: string, parts: Part[]): MailContent {
  const text = [site.title, '', ...parts.map(textOf)].join('\n')
  const body = parts.map(htmlOf).join('\n')
  const logo = site.logoUrl ? `<img src="${escape(site.logoUrl)}" alt="" height="32" style="vertical-align:middle;margin-right:8px">` : ''
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(subject)}</title></head>
<body style="font-family:sans-serif;color:#1a1a1a;max-width:640px">
<h1 style="font-size:20px">${logo}${escape(site.title)}</h1>
${body}
</body></html>`
  return { subject, text, html }
}

export function confirmationMail(locale: Locale, site: Site, confirmUrl: string): MailContent {
  const t = messages[locale].mail
  return render(site, t.confirmSubject(site.title), [
    { text: t.confirmIntro(site.title) },
    { text: t.confirmAction, href: confirmUrl },
    { small: t.confirmValidity },
  ])
}

export interface EventMail {
  locale: Locale
  timeZone: string
  kind: EventKind
  payload: EventPayload
  severities: readonly Severity[]
  links: { incident: string, manage: string, unsubscribe: string }
}

export function eventMail(site: Site, { locale, timeZone, kind, payload, severities, links }: EventMail): MailContent {
  const t = messages[locale].mail
  const format = createFormatter(locale, timeZone)
  const { incident, components, update } = payload
  const worst = worstSeverity(incident.affects.map(impact => impact.severity))
  const severity = worst === undefined ? undefined : severityFor(worst, severities)
  const parts: Part[] = [
    { text: incident.displayName + (incident.description ? `\n${incident.description}` : '') },
    ...severity ? [{ text: `${t.severity}: ${severity.displayName}` }] : [],
    { text: `${t.began}: ${format.dateTime(incident.beganAt)}${incident.endedAt ? `\n${t.ended}: ${format.dateTime(incident.endedAt)}` : ''}` },
    ...components.length > 0 ? [{ heading: t.components }, { text: components.map(component => component.displayName).join('\n') }] : [],
    ...update ? [{ heading: `${t.update}: ${update.displayName}` }, ...update.description ? [{ text: update.description }] : []] : [],
    { text: t.details, href: links.incident },
    { small: t.why(site.title) },
    { text: t.manage, href: links.manage },
    { text: t.unsubscribe, href: links.unsubscribe },
  ]
  return render(site, `${t.event[kind]}: ${incident.displayName} – ${site.title}`, parts)
}
