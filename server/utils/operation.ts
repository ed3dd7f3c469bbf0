// Handlers for the operations defined in openapi/operations/: the definition says who may call,
// what the path, query and body hold and what a success answers, so a handler only calls its
// service. Authorization comes first, so that without the right to call nobody learns whether
// an id or a body would have been valid.
import type { H3Event } from 'h3'
import type { z } from 'zod'
import type { Access, BodyOf, HandlerResult, Operation, ParamsOf, QueryOf } from '../../openapi/operation'

const authorize: Record<Access, (event: H3Event) => Promise<unknown> | unknown> = {
  'anyone': () => undefined,
  'same-origin': assertSameOrigin,
  'writer': event => requireWriteAccess(event),
  'admin': requireAdmin,
  'user': requireUser,
  // Signing out checks the session itself: without one it still clears the cookie.
  'session': () => undefined,
}

type CallerOf<O extends Operation> = O['access'] extends 'user' ? Awaited<ReturnType<typeof requireUser>>
  : O['access'] extends 'writer' | 'admin' ? Awaited<ReturnType<typeof requireAdmin>>
    : undefined

export interface OperationInput<O extends Operation> {
  event: H3Event
  caller: CallerOf<O>
  params: ParamsOf<O>
  query: QueryOf<O>
  body: BodyOf<O>
}

const readParameter = { id: routeId, order: routeOrder, text: routeText }

function readParams(event: H3Event, operation: Operation) {
  return Object.fromEntries(Object.entries(operation.params ?? {}).map(([name, { read }]) => [name, readParameter[read](event, name)]))
}

/** Answers a handler's result as the definition's success response says. */
function reply(event: H3Event, operation: Operation, result: unknown) {
  const responses = operation.responses
  if (responses[201]) return created(event, result)
  if (responses[202]) {
    setResponseStatus(event, 202)
    return result
  }
  if (responses[204]) return noContent(event)
  const success = responses[200]
  return success && 'data' in success ? { data: result } : result
}

/**
 * The handler of an operation. `cached` answers anonymous reads from the shared response cache
 * (server/cache/public-read.ts), keyed by the path and the parsed query.
 */
export function defineOperationHandler<O extends Operation>(
  operation: O,
  handle: (input: OperationInput<O>) => Promise<HandlerResult<O>>,
  options: { cached?: boolean } = {},
) {
  const bodySchema: z.ZodType | undefined = operation.body?.partial ? operation.body.schema.partial() : operation.body?.schema
  const run = async (event: H3Event) => {
    const caller = await authorize[operation.access](event)
    const params = event.context.validatedParams = readParams(event, operation)
    const query = operation.query && queryAs(event, operation.query.schema)
    const body = bodySchema && await readBodyAs(event, bodySchema)
    const result = await handle({ event, caller, params, query, body } as OperationInput<O>)
    return reply(event, operation, result)
  }
  return options.cached ? definePublicRead(run, operation.query?.schema) : defineApiHandler(run, { changesPublicData: operation.changesPublicData })
}

declare module 'h3' {
  interface H3EventContext {
    /** The path parameters as the operation parsed them, for the audit log's resource id. */
    validatedParams?: Record<string, unknown>
  }
}
