// The environment, read and checked in one place. Nothing else touches process.env.
import { z } from 'zod'

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional())

const Environment = z.object({
  DATABASE_URL: optional(z.string().regex(/^(postgres(ql)?:\/\/|memory:\/\/$)/, 'must be postgres://… or memory://')),
  STATUS_PAGE_DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default('.data')),
  STATUS_PAGE_ADMIN_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  STATUS_PAGE_PROVISIONING_FILE: optional(z.string()),
  // Unset: demo data on an empty embedded database only; true: on an empty PostgreSQL database too.
  STATUS_PAGE_DEMO: optional(z.stringbool()),
  STATUS_PAGE_CORS_ORIGIN: z.preprocess(unsetIfEmpty, z.string().default('*')),
})

export type Config = z.infer<typeof Environment>

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Environment.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map(issue => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration: ${problems.join('; ')}`)
  }
  return parsed.data
}
