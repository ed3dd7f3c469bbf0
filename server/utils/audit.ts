// Writes an entry to the audit log for a successful write, naming the caller that authenticated.
import type { H3Event } from 'h3'
import { recordAudit, resourceOf, summarize } from '../services/audit'

export async function recordWrite(event: H3Event, result: unknown) {
  const caller = event.context.caller
  // Nobody authenticated, nothing to attribute: e.g. signing out without a session.
  if (!caller) return
  const path = event.path.split('?')[0]!
  try {
    await recordAudit(await useDatabase(), {
      actorKind: caller.kind,
      actor: caller.name,
      method: event.method,
      path,
      ...resourceOf(path, event.context.params, result),
      summary: summarize(event.context.validatedBody),
    })
  }
  catch (error) {
    // The write itself has happened; failing its response now would tell the client otherwise.
    console.error(`Could not record ${event.method} ${path} by ${caller.name} in the audit log:`, error)
  }
}
