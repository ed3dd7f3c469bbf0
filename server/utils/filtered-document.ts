// The feeds and the calendar: documents narrowed by `?component=` and `?label=`, with absolute
// links to this site, served from the read cache with ETag and Last-Modified. The operation's
// definition (openapi/operations/public.ts) gives the query schema and the media type.
import type { Database } from '../../db/client'
import type { publicDocumentOperations } from '../../openapi/operations/public'
import type { PublicFilterParams } from '../services/public-filter'

export interface FilteredDocument {
  text: string
  /** Its Last-Modified. */
  updated: Date
}

type PublicDocumentOperation = (typeof publicDocumentOperations)[keyof typeof publicDocumentOperations]

export function defineFilteredDocument(operation: PublicDocumentOperation, build: (db: Database, filter: PublicFilterParams, origin: string) => Promise<FilteredDocument>) {
  const contentType = `${Object.keys(operation.responses[200].content)[0]}; charset=utf-8`
  return defineCachedRead(async (event) => {
    const filter = queryAs(event, operation.query.schema)
    const { text, updated } = await build(await useDatabase(), filter, publicOrigin(event))
    return { body: text, headers: { 'content-type': contentType, 'last-modified': updated.toUTCString() } }
  }, { query: operation.query.schema, variesBy: publicOrigin })
}
