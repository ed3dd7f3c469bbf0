// Sending one mail through SMTP (nodemailer): a confirmation, or an event to a confirmed
// subscriber. A job of the queue: a failure throws, and pg-boss tries again with backoff. The
// Message-ID follows from the job, so a mail sent twice after a crash is recognisable as one.
import { eq } from 'drizzle-orm'
import { createTransport, type Transporter } from 'nodemailer'
import type { Database } from '../../db/client.ts'
import { notificationEvents, subscriptions } from '../../db/schema.ts'
import type { EventKind } from '../../shared/events.ts'
import type { Locale } from '../../shared/i18n/index.ts'
import { config } from '../config.ts'
import { listSeverities } from '../services/severities.ts'
import { getSettings } from '../services/settings.ts'
import type { EventPayload } from './events.ts'
import { confirmationMail, eventMail, type Site } from './mail-content.ts'
import type { MailJob } from './mail-jobs.ts'

let transport: Transporter | undefined
const smtp = () => transport ??= createTransport({
  url: config.STATUS_PAGE_SMTP_URL,
  // A mail server that hangs must not hold a worker for long; the job is tried again later.
  connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
})

const publicUrl = () => config.STATUS_PAGE_PUBLIC_URL!.replace(/\/+$/, '')

async function siteOf(db: Database): Promise<Site> {
  const settings = await getSettings(db)
  const url = publicUrl()
  const logoUrl = settings.logoUrl && !settings.logoUrl.startsWith('data:') ? new URL(settings.logoUrl, `${url}/`).href : undefined
  return { title: settings.title, url, ...(logoUrl && { logoUrl }) }
}

export async function deliverMail(db: Database, jobId: string, job: MailJob) {
  const [subscription] = await db.select().from(subscriptions).where(eq(subscriptions.id, job.subscriptionId))
  // Removed since, or (for events) not confirmed: nothing to send, however often this is tried.
  if (!subscription || (job.kind === 'event' && !subscription.confirmedAt)) return
  const site = await siteOf(db)
  const locale = subscription.locale as Locale
  const manage = `${site.url}/subscriptions/manage?token=${subscription.secret}`
  const unsubscribe = `${site.url}/api/subscriptions/${subscription.secret}/unsubscribe`
  let content
  if (job.kind === 'confirmation') {
    // A newer confirmation replaced this one's link: only the newest is worth sending.
    if (subscription.secret !== job.secret || subscription.confirmedAt) return
    content = confirmationMail(locale, site, `${site.url}/subscriptions/confirm?token=${job.secret}`)
  }
  else {
    const [event] = await db.select().from(notificationEvents).where(eq(notificationEvents.id, job.eventId))
    if (!event) return
    const payload = event.payload as EventPayload
    content = eventMail(site, {
      locale, timeZone: subscription.timeZone, kind: event.kind as EventKind, payload,
      severities: await listSeverities(db),
      links: { incident: `${site.url}/incidents/${payload.incident.id}`, manage, unsubscribe },
    })
  }
  await smtp().sendMail({
    from: config.STATUS_PAGE_MAIL_FROM,
    to: subscription.email,
    messageId: `<${jobId}@${new URL(site.url).hostname}>`,
    ...content,
    // RFC 8058: one click in the mail program unsubscribes, by a POST to this URL.
    list: { unsubscribe: unsubscribe, ...(job.kind === 'event' && { help: manage }) },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Auto-Submitted': 'auto-generated' },
  })
}
