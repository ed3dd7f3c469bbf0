// Entity tags of cached answers (response-cache.ts), and what If-Match names
// (server/utils/preconditions.ts): both derive the tag from the bytes of the answer, so a tag a
// client read and the tag a write checks against agree without any stored version.
import { createHash } from 'node:crypto'
import type { ContentEncoding } from './negotiation'

/** The hash of an answer's uncompressed body that its entity tags carry. */
export const contentHash = (body: string | Buffer): string => createHash('sha256').update(body).digest('base64url').slice(0, 27)

/**
 * The strong tag of a variant. Each encoding has its own, as RFC 9110 asks: a cache must not
 * answer a gzip request with brotli. Strong, so that a browser, which cannot ask for identity,
 * may name the tag it got in If-Match.
 */
export const entityTag = (hash: string, encoding: ContentEncoding): string =>
  encoding === 'identity' ? `"${hash}"` : `"${hash}-${encoding}"`

/** The content hash that a strong tag of any variant names; undefined for a weak or foreign tag. */
function hashOfTag(tag: string): string | undefined {
  return /^"([\w-]{27})(?:-(?:br|gzip))?"$/.exec(tag.trim())?.[1]
}

/**
 * Whether If-Match holds for a representation with this hash (RFC 9110 §13.1.1): `*`, or the
 * strong tag of any of its variants. A weak tag never matches.
 */
export function ifMatchHolds(ifMatch: string, hash: string): boolean {
  if (ifMatch.trim() === '*') return true
  return (ifMatch.match(/(?:W\/)?"[^"]*"/g) ?? []).some(tag => hashOfTag(tag) === hash)
}
