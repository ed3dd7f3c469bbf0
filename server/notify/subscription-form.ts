// The subscription forms of the public pages post here without JavaScript. Their fields become the
// API's bodies, checked by the same schemas and handled by the same services; the answer is a
// redirect (303), onwards or back to the form with `?error=` naming each field the services
// refused (shared/subscription-form.ts), which the page explains in the visitor's language.
import type { H3Event } from 'h3'
import { SubscriptionToken } from '../../openapi/subscription-schemas'
import { isFormError, LABEL_FIELD, type FormError } from '../../shared/subscription-form'
import { Problem } from '../problem'

/** What a subscription covers, as its form says: nothing ticked is everything. */
export function scopeOf(form: URLSearchParams) {
  const labels = [...form].filter(([name, value]) => name.startsWith(LABEL_FIELD) && value !== '')
    .map(([name, value]) => [name.slice(LABEL_FIELD.length), value])
  return {
    components: form.getAll('components'),
    labels: Object.fromEntries(labels),
    locale: form.get('locale') || undefined,
    timeZone: form.get('timeZone') || undefined,
  }
}

/** A page of the subscription whose secret the form carried; without a valid one, the page explains. */
export function pageOf(path: string, token: string | null | undefined, query: Record<string, string> = {}) {
  const secret = SubscriptionToken.safeParse(token)
  const search = new URLSearchParams({ ...(secret.success && { token: secret.data }), ...query }).toString()
  return search ? `${path}?${search}` : path
}

const BY_STATUS: Partial<Record<number, FormError>> = { 404: 'unknown', 410: 'expired', 429: 'rate', 503: 'unavailable' }
const FIELDS = /^(email|components|labels|locale|timeZone|token)\b/

/** What the form's page is to explain about a refusal. */
export function formErrorsOf(problem: Problem): FormError[] {
  const byStatus = BY_STATUS[problem.status]
  if (byStatus) return [byStatus]
  const fields = (problem.errors ?? []).map(({ field }) => FIELDS.exec(field)?.[1])
    .map((field): FormError => field === 'token' ? 'unknown' : isFormError(field) ? field : 'invalid')
  return fields.length > 0 ? [...new Set(fields)] : ['invalid']
}

interface FormHandler {
  /** Does the work and says where the visitor goes next. */
  handle: (event: H3Event, form: URLSearchParams) => Promise<string>
  /** The form's page, for a refusal (no form when the body could not be read). */
  back: (form: URLSearchParams | undefined) => string
}

export function defineFormHandler({ handle, back }: FormHandler) {
  return defineApiHandler(async (event) => {
    let form: URLSearchParams | undefined
    try {
      form = await readFormBody(event)
      return await sendRedirect(event, await handle(event, form), 303)
    }
    catch (error) {
      // The server's own failures stay errors; a client's mistake or a pause is explained by the form.
      if (!(error instanceof Problem) || (error.status >= 500 && error.status !== 503)) throw error
      const [path, query = ''] = back(form).split('?')
      const search = new URLSearchParams(query)
      for (const key of formErrorsOf(error)) search.append('error', key)
      return await sendRedirect(event, `${path}?${search}`, 303)
    }
  }, { changesPublicData: false })
}
