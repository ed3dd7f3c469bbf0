// How a cached response goes out: the variant the client's Accept-Encoding prefers, its ETag, and
// 304 when the client already holds it (by ETag, or by Last-Modified where the entry has one).
import type { H3Event } from 'h3'
import { matchesEntityTag, preferredEncoding } from './negotiation'
import type { CacheEntry } from './response-cache'

export interface CachedReply {
  statusCode: 200 | 304
  headers: Record<string, string>
  body: Buffer | ''
}

export interface CachePolicy {
  cacheControl: string
  vary: string
}

export async function cachedReply(event: H3Event, entry: CacheEntry, outcome: 'hit' | 'miss' | 'stale', policy: CachePolicy): Promise<CachedReply> {
  const encoding = preferredEncoding(getRequestHeader(event, 'accept-encoding'))
  const { body, etag } = await entry.variant(encoding)
  const lastModified = entry.headers['last-modified']
  const caching = { 'etag': etag, 'cache-control': policy.cacheControl, 'vary': policy.vary, 'x-cache': outcome, ...(lastModified && { 'last-modified': lastModified }) }
  if (matchesEntityTag(getRequestHeader(event, 'if-none-match'), etag) || notModifiedSince(event, lastModified)) {
    return { statusCode: 304, headers: caching, body: '' }
  }
  const headers: Record<string, string> = { ...entry.headers, ...caching }
  if (encoding !== 'identity') headers['content-encoding'] = encoding
  return { statusCode: 200, headers, body }
}

// RFC 9110 §13.1.3: If-Modified-Since counts only without If-None-Match.
function notModifiedSince(event: H3Event, lastModified: string | undefined): boolean {
  const since = getRequestHeader(event, 'if-modified-since')
  if (!lastModified || !since || getRequestHeader(event, 'if-none-match') !== undefined) return false
  return Date.parse(lastModified) <= Date.parse(since)
}
