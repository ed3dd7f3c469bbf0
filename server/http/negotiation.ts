// What a client asks for in its request headers. Pure functions, so they are tested on their own.

interface Preference { value: string, q: number }

/** `a;q=0.5, b` as values by descending weight; equal weights keep the header's order. */
function preferences(header: string | undefined): Preference[] {
  if (!header) return []
  return header.split(',')
    .map((part) => {
      const [value = '', ...params] = part.split(';').map(s => s.trim())
      const q = params.find(p => /^q=/i.test(p))
      return { value: value.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 }
    })
    .filter(p => p.value)
    .sort((a, b) => b.q - a.q)
}

export type ContentEncoding = 'br' | 'gzip' | 'identity'

/** Brotli where accepted (it is smaller), else gzip, else none. */
export function preferredEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const accepted = preferences(acceptEncoding)
  // A coding named explicitly, even with q=0, overrides the wildcard.
  const weight = (coding: string) => (accepted.find(p => p.value === coding) ?? accepted.find(p => p.value === '*'))?.q ?? 0
  const br = weight('br')
  const gzip = weight('gzip')
  if (br > 0 && br >= gzip) return 'br'
  if (gzip > 0) return 'gzip'
  return 'identity'
}

/** The first of `supported` in the client's order of preference, or the first of `supported`. */
export function preferredLanguage<T extends string>(acceptLanguage: string | undefined, supported: readonly [T, ...T[]]): T {
  for (const { value, q } of preferences(acceptLanguage)) {
    if (q <= 0) continue
    const primary = value.split('-')[0]
    const match = supported.find(language => language === primary)
    if (match) return match
  }
  return supported[0]
}

/** Whether `If-None-Match` names the entity tag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEntityTag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some(tag => opaque(tag) === opaque(etag))
}
