// A failed API call as the admin pages show it: a sentence for a person in their language, and
// one per field for the inputs that caused it; for a write refused because a colleague changed the
// resource meanwhile (412, README "Optimistic concurrency") also what it is now. The API's own texts
// are English and written for developers, so they are rebuilt from the problem's status and its
// fields' codes.
import type { AdminMessages } from '~~/shared/i18n/admin'
import type { FieldErrorCode, FieldErrorData, ProblemDetailsData } from '~~/openapi/schemas'

export interface AdminConflict {
  /** The tag of the resource as it is now: what a retry names in If-Match. */
  etag: string
  /** The resource as it is now. */
  current: unknown
}

/** One field of a conflict, as the operator sees it: their value beside the one saved now. */
export interface ConflictRow {
  field: string
  label: string
  mine: string
  theirs: string
}

export interface AdminProblem {
  status: number
  message: string
  /** Messages by field path, e.g. `displayName` or `affects[0].type`. */
  fields: Record<string, string>
  conflict?: AdminConflict
}

type Texts = AdminMessages['problem']

const ISSUES: Record<FieldErrorCode, (issue: Texts['issue'], limit: number) => string> = {
  required: issue => issue.required,
  too_short: (issue, n) => issue.tooShort(n),
  too_long: (issue, n) => issue.tooLong(n),
  too_small: (issue, n) => issue.tooSmall(n),
  too_big: (issue, n) => issue.tooBig(n),
  too_few: (issue, n) => issue.tooFew(n),
  too_many: (issue, n) => issue.tooMany(n),
  invalid_email: issue => issue.email,
  invalid_url: issue => issue.url,
  invalid_datetime: issue => issue.datetime,
  invalid_format: issue => issue.format,
  invalid_type: issue => issue.type,
  invalid_choice: issue => issue.choice,
  unknown_field: issue => issue.unknownField,
  taken: issue => issue.taken,
  not_found: issue => issue.missing,
  duplicate: issue => issue.duplicate,
  wrong_password: issue => issue.wrongPassword,
  before_start: issue => issue.beforeStart,
}

/** What is wrong with a field; a generic sentence for a code this client does not know. */
function issueText({ code, limit = 0 }: FieldErrorData, texts: Texts): string {
  return code && Object.hasOwn(ISSUES, code) ? ISSUES[code](texts.issue, limit) : texts.issue.other
}

/** A field's name, from the most specific part of its path the dictionary knows: affects[0].type is the impact type. */
function fieldLabel(path: string, texts: Texts): string {
  const names: Record<string, string> = texts.fields
  const known = path.split(/[.[\]]+/).reverse().find(part => Object.hasOwn(names, part))
  return known ? names[known]! : texts.someField
}

function statusText(status: number, retryAfter: number, texts: Texts): string {
  const { status: say } = texts
  switch (status) {
    case 0: return say.offline
    case 400: return say.badRequest
    case 401: return say.unauthorized
    case 403: return say.forbidden
    case 404: return say.notFound
    case 409: return say.conflict
    case 412: return say.changed
    case 413: return say.tooLarge
    case 429: return say.tooMany(retryAfter)
    case 503: return say.unavailable
    default: return say.other(status)
  }
}

export function toAdminProblem(error: unknown, texts: Texts): AdminProblem {
  const { status = 0, data, response } = error as { status?: number, data?: Partial<ProblemDetailsData & AdminConflict>, response?: Response }
  const errors = data?.errors ?? []
  const fields = Object.fromEntries(errors.map(field => [field.field, issueText(field, texts)]))
  const message = errors.length > 0
    ? errors.map(field => texts.field(fieldLabel(field.field, texts), issueText(field, texts))).join(' ')
    : statusText(status, Number(response?.headers.get('retry-after') ?? 0), texts)
  const conflict = status === 412 && data?.etag ? { etag: data.etag, current: data.current } : undefined
  return { status, message, fields, ...(conflict && { conflict }) }
}
