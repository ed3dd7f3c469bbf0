// The environment, read and checked in one place. Nothing else touches process.env.
import { z } from 'zod'

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional())
const emailList = z.preprocess(
  value => typeof value === 'string' ? value.split(',').map(email => email.trim().toLowerCase()).filter(Boolean) : [],
  z.array(z.email()),
)

// Yes and no (as z.stringbool reads them) keep the meaning they had before a number could be
// given: one proxy, none.
const proxyCount = (value: unknown) => {
  if (typeof value !== 'string' || value === '') return undefined
  if (/^\d+$/.test(value)) return Number(value)
  const yesNo = z.stringbool().safeParse(value)
  return yesNo.success ? Number(yesNo.data) : value
}

const Environment = z.object({
  DATABASE_URL: optional(z.string().regex(/^(postgres(ql)?:\/\/|memory:\/\/$)/, 'must be postgres://… or memory://')),
  STATUS_PAGE_DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default('.data')),
  STATUS_PAGE_ADMIN_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  STATUS_PAGE_PROVISIONING_FILE: optional(z.string()),
  // Unset: demo data on an empty embedded database only; true: on an empty PostgreSQL database too.
  STATUS_PAGE_DEMO: optional(z.stringbool()),
  STATUS_PAGE_CORS_ORIGIN: z.preprocess(unsetIfEmpty, z.string().default('*')),
  // Unset: a secret generated once and kept in the database.
  STATUS_PAGE_SESSION_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  // The first admin, created at start while there is no user at all.
  STATUS_PAGE_ADMIN_EMAIL: optional(z.email()),
  STATUS_PAGE_ADMIN_PASSWORD: optional(z.string().min(12, 'must be at least 12 characters')),
  STATUS_PAGE_OIDC_ISSUER: optional(z.url({ protocol: /^https?$/ })),
  STATUS_PAGE_OIDC_CLIENT_ID: optional(z.string()),
  STATUS_PAGE_OIDC_CLIENT_SECRET: optional(z.string()),
  // A claim (string or list) whose values `admin` or `editor` give new users their role.
  STATUS_PAGE_OIDC_ROLE_CLAIM: optional(z.string()),
  STATUS_PAGE_OIDC_ADMIN_EMAILS: emailList,
  STATUS_PAGE_OIDC_EDITOR_EMAILS: emailList,
  // Require the provider's email_verified claim to be true before matching a user by email.
  STATUS_PAGE_OIDC_REQUIRE_VERIFIED_EMAIL: z.preprocess(unsetIfEmpty, z.stringbool().default(true)),
  // How many reverse proxies stand in front: their X-Forwarded-For entries, X-Forwarded-Host and
  // X-Forwarded-Proto are believed. `true` is one proxy, `false` none.
  STATUS_PAGE_TRUST_PROXY: z.preprocess(proxyCount, z.int('must be true, false or a number of proxies').min(0).max(10).default(0)),
  // Email subscriptions: the SMTP server (smtp://, smtps://user:pass@host:465) and the sender;
  // without them the subscribe form is not offered. Links in mails point to the public URL.
  STATUS_PAGE_SMTP_URL: optional(z.url({ protocol: /^smtps?$/ })),
  STATUS_PAGE_MAIL_FROM: optional(z.string().min(3)),
  STATUS_PAGE_PUBLIC_URL: optional(z.url({ protocol: /^https?$/ })),
  // Webhook receivers on loopback, private or link-local addresses: refused unless allowed.
  STATUS_PAGE_WEBHOOK_ALLOW_PRIVATE: z.preprocess(unsetIfEmpty, z.stringbool().default(false)),
  // Tries of a webhook delivery or mail after the first, with backoff from 2 s up to an hour: 30 is about a day.
  STATUS_PAGE_DELIVERY_RETRIES: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(100).default(30)),
  // Open live-update streams (GET /api/events): per client address (IPv6: per /64), in all, and
  // how long one lasts before the browser reconnects by itself.
  STATUS_PAGE_EVENTS_PER_CLIENT: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).default(32)),
  STATUS_PAGE_EVENTS_TOTAL: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).default(5000)),
  STATUS_PAGE_EVENTS_LIFETIME: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).default(600)),
  // Prometheus metrics: on the main port behind this bearer token, and/or on a port of their own.
  STATUS_PAGE_METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  STATUS_PAGE_METRICS_PORT: optional(z.coerce.number().int('must be a port number').min(1).max(65535)),
  // The metrics port has no token: loopback unless the operator opens it on purpose.
  STATUS_PAGE_METRICS_HOST: z.preprocess(unsetIfEmpty, z.string().default('127.0.0.1')),
  // The memory all response caches together may fill, in MiB.
  STATUS_PAGE_CACHE_MB: z.preprocess(unsetIfEmpty, z.coerce.number().int('must be a whole number of MiB').min(1).max(65_536).default(32)),
}).superRefine((env, context) => {
  const together = (names: (keyof typeof env)[]) => {
    if (names.some(name => env[name] !== undefined) && names.some(name => env[name] === undefined)) {
      context.addIssue({ code: 'custom', path: [names.join(', ')], message: 'set all of them or none' })
    }
  }
  together(['STATUS_PAGE_ADMIN_EMAIL', 'STATUS_PAGE_ADMIN_PASSWORD'])
  together(['STATUS_PAGE_OIDC_ISSUER', 'STATUS_PAGE_OIDC_CLIENT_ID', 'STATUS_PAGE_OIDC_CLIENT_SECRET'])
  together(['STATUS_PAGE_SMTP_URL', 'STATUS_PAGE_MAIL_FROM', 'STATUS_PAGE_PUBLIC_URL'])
})

export type Config = z.infer<typeof Environment>

export function readConfig(env: Record<string, string | undefined>): Config {
  const parsed = Environment.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map(issue => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration: ${problems.join('; ')}`)
  }
  return parsed.data
}

/** Read once, when the server or a CLI starts: a bad setting stops it before anything else runs. */
export const config = readConfig(process.env)
