// Writes an entry to the audit log for a successful write, naming the caller that authenticated,
// and for a failed sign-in.
import type { H3Event } from 'h3'
import { recordAudit, resourceOf, summarize } from '../services/audit'

export async function recordWrite(event: H3Event, result: unknown) {
  const caller = event.context.caller
  // Nobody authenticated, nothing to attribute: e.g. signing out without a session.
  if (!caller) return
  const path = pathAsSent(event)
  try {
    await recordAudit(await useDatabase(), {
      actorKind: caller.kind,
      actor: caller.name,
      method: event.method,
      path,
      ...resourceOf(path, event.context.validatedParams, result),
      summary: summarize(event.context.validatedBody),
    })
  }
  catch (error) {
    // The write itself has happened; failing its response now would tell the client otherwise.
    console.error(`Could not record ${event.method} ${path} by ${caller.name} in the audit log:`, error)
  }
}

/**
 * A password sign-in that failed: the email tried and the client's address, never the password.
 * The summary has the form of every other (`address: "…"`); the admin area names the entry in the
 * operator's language.
 */
export async function recordFailedSignIn(event: H3Event, email: string, address: string) {
  try {
    await recordAudit(await useDatabase(), {
      actorKind: 'anonymous',
      actor: email.toLowerCase(),
      method: event.method,
      path: pathAsSent(event),
      resourceKind: 'session',
      resourceId: null,
      summary: summarize({ address }),
    })
  }
  catch (error) {
    console.error(`Could not record a failed sign-in for ${email} in the audit log:`, error)
  }
}
