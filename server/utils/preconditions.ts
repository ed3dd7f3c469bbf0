// Optimistic concurrency, an extension of SCS (README "Optimistic concurrency"): the GET of one
// resource answers with a strong ETag, which the read cache derives from the body
// (server/cache/entity-tag.ts); a PATCH or DELETE with If-Match changes the resource only while
// it still is what the client read, and otherwise answers 412 with what it is now. A write
// without If-Match runs as it always did.
import type { H3Event } from 'h3'
import type { Queryable, Transaction } from '../../db/client'
import { contentHash, entityTag, ifMatchHolds } from '../cache/entity-tag'
import { rememberWriter } from '../cache/read-floor'
import { Problem } from '../problem'

/** One resource as a conditional write sees it. */
export interface GuardedResource {
  /** What it is, for the 412's text: "incident", "severity" … */
  noun: string
  /**
   * Holds off every other write of the resource until the transaction ends, so that nothing
   * changes it between the check and the write: its row, FOR UPDATE (the settings, which may have
   * no rows, take an advisory lock).
   */
  lock: (tx: Transaction) => Promise<unknown>
  /** Its representation, the `data` its GET answers; throws the 404 of a missing resource. */
  read: (db: Queryable) => Promise<unknown>
}

// The GET's body is `{ data }` as JSON (server/utils/operation.ts), and its tag the hash of that.
const hashOf = (data: unknown) => contentHash(JSON.stringify({ data }))

/** The 412: what the resource is now and its tag, so the client can compare and decide. */
function stale(noun: string, current: unknown, etag: string) {
  return new Problem(412, 'Precondition Failed',
    `The ${noun} changed meanwhile: If-Match names an older version, so nothing was changed. \`current\` holds the ${noun} as it is now, \`etag\` its tag.`,
    undefined, { etag, current })
}

/** The tag of the changed resource; none for one that moved away (a renamed severity). */
async function tagAfter(resource: GuardedResource, tx: Transaction): Promise<string | undefined> {
  try {
    return entityTag(hashOf(await resource.read(tx)), 'identity')
  }
  catch (error) {
    if (error instanceof Problem && error.status === 404) return undefined
    throw error
  }
}

/**
 * Runs a PATCH or DELETE of one resource under the request's If-Match: check and write in one
 * transaction, with the resource locked. A PATCH answers with the tag of the new representation.
 */
export async function writeIfMatch<T>(event: H3Event, resource: GuardedResource, write: (db: Queryable) => Promise<T>): Promise<T> {
  const db = await useDatabase()
  const ifMatch = getRequestHeader(event, 'if-match')
  if (ifMatch === undefined) return write(db)
  const { result, etag } = await db.transaction(async (tx) => {
    await resource.lock(tx)
    const current = await resource.read(tx)
    const hash = hashOf(current)
    if (!ifMatchHolds(ifMatch, hash)) {
      // The client reads next what it was just told about, not a cached copy from before.
      rememberWriter(event)
      throw stale(resource.noun, current, entityTag(hash, 'identity'))
    }
    const result = await write(tx)
    return { result, etag: event.method === 'PATCH' ? await tagAfter(resource, tx) : undefined }
  })
  if (etag) setResponseHeader(event, 'etag', etag)
  return result
}
