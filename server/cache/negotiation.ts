// What a client asks for in its request headers. Pure functions, so they are tested on their own.
import { byWeight } from '../../shared/weighted-header'

export type ContentEncoding = 'br' | 'gzip' | 'identity'

/** Brotli where accepted (it is smaller), else gzip, else none. */
export function preferredEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const accepted = byWeight(acceptEncoding)
  // A coding named explicitly, even with q=0, overrides the wildcard.
  const weight = (coding: string) => (accepted.find(p => p.value === coding) ?? accepted.find(p => p.value === '*'))?.q ?? 0
  const br = weight('br')
  const gzip = weight('gzip')
  if (br > 0 && br >= gzip) return 'br'
  if (gzip > 0) return 'gzip'
  return 'identity'
}

/** Whether `If-None-Match` names the entity tag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEntityTag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some(tag => opaque(tag) === opaque(etag))
}
