// Where to send a visitor back to, from a query parameter anyone can write: only ever a path on
// this site. Browsers drop tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example`
// or `/\evil.example` would leave the site; the path is therefore resolved against our own origin
// and refused when it names another, or when what a browser would follow differs from it.
const here = 'http://status-page.invalid'

/** A path on this site (with its query and fragment) to return to; anything else gives `fallback`. */
export function sameSitePath(value: unknown, fallback = '/'): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (typeof value !== 'string' || !value.startsWith('/') || /[\u0000-\u001F\u007F\\]/.test(value)) return fallback
  let url: URL
  try {
    url = new URL(value, here)
  }
  catch {
    return fallback
  }
  const path = `${url.pathname}${url.search}${url.hash}`
  // `/.//evil.example` resolves to `//evil.example`, which a browser reads as another host.
  return url.origin === here && !path.startsWith('//') ? path : fallback
}

/** Where to go after signing in: a path in the admin area; else /admin. */
export function adminReturnPath(value: unknown): string {
  const path = sameSitePath(value, '/admin')
  return /^\/admin(?:[/?#]|$)/.test(path) ? path : '/admin'
}
