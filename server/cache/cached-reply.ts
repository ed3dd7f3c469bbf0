// How a cached response goes out: the variant the client's Accept-Encoding prefers, its ETag, and
// 304 when the client already holds it (by ETag, or by Last-Modified where the entry has one).
import type { H3Event } from 'h3'
import { matchesEntityTag, preferredEncoding, type ContentEncoding } from './negotiation'
import type { CacheEntry, CachedVariant } from './response-cache'

export interface CachedReply {
  statusCode: 200 | 304
  headers: Record<string, string>
  body: Buffer | ''
}

export interface CachePolicy {
  cacheControl: string
  vary: string
}

export type CacheOutcome = 'hit' | 'miss' | 'stale'

export async function cachedReply(event: H3Event, entry: CacheEntry, outcome: CacheOutcome, policy: CachePolicy): Promise<CachedReply> {
  const encoding = preferredEncoding(getRequestHeader(event, 'accept-encoding'))
  return replyWith(event, entry, encoding, await entry.variant(encoding), outcome, policy)
}

function replyWith(event: H3Event, entry: CacheEntry, encoding: ContentEncoding, { body, etag }: CachedVariant, outcome: CacheOutcome, policy: CachePolicy): CachedReply {
  if (notModified(event, entry, etag)) return { statusCode: 304, headers: cachingHeaders(entry, etag, outcome, policy), body: '' }
  return { statusCode: 200, headers: okHeaders(entry, encoding, etag, outcome, policy), body }
}

/** Whether the client holds the variant with this tag already. */
export function notModified(event: H3Event, entry: CacheEntry, etag: string): boolean {
  return matchesEntityTag(event.node.req.headers['if-none-match'], etag) || notModifiedSince(event, entry.headers['last-modified'])
}

/** The headers of a 200 with the variant. */
export function okHeaders(entry: CacheEntry, encoding: ContentEncoding, etag: string, outcome: CacheOutcome, policy: CachePolicy): Record<string, string> {
  const headers: Record<string, string> = { ...entry.headers, ...cachingHeaders(entry, etag, outcome, policy) }
  if (encoding !== 'identity') headers['content-encoding'] = encoding
  return headers
}

/** The headers of a 304 for the variant, and the caching part of a 200's. */
export function cachingHeaders(entry: CacheEntry, etag: string, outcome: CacheOutcome, policy: CachePolicy): Record<string, string> {
  const lastModified = entry.headers['last-modified']
  return { 'etag': etag, 'cache-control': policy.cacheControl, 'vary': policy.vary, 'x-cache': outcome, ...(lastModified && { 'last-modified': lastModified }) }
}

// RFC 9110 §13.1.3: If-Modified-Since counts only without If-None-Match.
function notModifiedSince(event: H3Event, lastModified: string | undefined): boolean {
  // Node's own headers: h3's getRequestHeader copies them all first, on a path taken by every hit.
  const { 'if-modified-since': since, 'if-none-match': entityTags } = event.node.req.headers
  if (!lastModified || !since || entityTags !== undefined) return false
  return Date.parse(lastModified) <= Date.parse(since)
}
