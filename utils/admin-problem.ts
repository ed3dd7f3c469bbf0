// A failed API call as the admin pages show it: the problem's text, and a message per field
// for the inputs that caused it.

export interface AdminProblem {
  status: number
  message: string
  /** Messages by field path, e.g. `displayName` or `affects[0].type`. */
  fields: Record<string, string>
}

interface ProblemBody {
  title?: string
  detail?: string
  errors?: { field: string, message: string }[]
}

export function toAdminProblem(error: unknown): AdminProblem {
  const { status = 0, data } = error as { status?: number, data?: ProblemBody }
  const fields = Object.fromEntries((data?.errors ?? []).map(({ field, message }) => [field, message]))
  const message = data?.detail ?? data?.title ?? (status ? `The server answered ${status}.` : 'The server could not be reached; check the connection and try again.')
  return { status, message, fields }
}
