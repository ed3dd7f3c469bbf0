// Request headers that list values by weight (`Accept-Language`, `Accept-Encoding`), read the
// same way by the pages and by the server's negotiation and cache keys.

export interface Weighted { value: string, q: number }

/** `a;q=0.5, b` as lower-case values by descending weight; equal weights keep the header's order. */
export function byWeight(header: string | undefined): Weighted[] {
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
