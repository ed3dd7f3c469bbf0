// The feeds and the calendar: documents narrowed by `?component=` and `?label=`, with absolute
// links to this site, served from the read cache with ETag and Last-Modified.
import type { Database } from '../../db/client'
import { PublicFilterQuery, type PublicFilterParams } from '../services/public-filter'

export interface FilteredDocument {
  text: string
  /** Its Last-Modified. */
  updated: Date
}

export function defineFilteredDocument(contentType: string, build: (db: Database, filter: PublicFilterParams, origin: string) => Promise<FilteredDocument>) {
  return defineCachedRead(async (event) => {
    const filter = queryAs(event, PublicFilterQuery)
    const { text, updated } = await build(await useDatabase(), filter, publicOrigin(event))
    return { body: text, headers: { 'content-type': contentType, 'last-modified': updated.toUTCString() } }
  }, { variesBy: publicOrigin })
}
