// Turns a failed read of a page's main resource into the page's error: an unknown id (or one
// that is not even an id) is a 404 with a localized explanation; anything else stays a failure.
import type { NuxtError } from '#app'

export function pageError(error: NuxtError, notFoundDetail: string) {
  const status = error.status ?? error.statusCode
  const missing = status === 404 || status === 400
  return createError({
    status: missing ? 404 : 500,
    statusText: missing ? 'Not Found' : 'Internal Server Error',
    data: missing ? { detail: notFoundDetail } : undefined,
    fatal: true,
  })
}
