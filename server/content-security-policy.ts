// The Content-Security-Policy of the pages. Nuxt's renderer writes two small inline scripts into
// every page (the import map and the runtime config); they are allowed by their hashes, which
// stay valid in the shared page cache, where a per-request nonce could not. Only the scripts of
// the renderer's own parts of the page are hashed, never ones in the app's markup, so markup that
// somehow smuggled in a script still cannot run it. Styles may be inline: Vuetify sets them.
import { createHash } from 'node:crypto'

// Scripts a browser runs: no type, a JavaScript type, a module or an import map.
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)((?:\s+[^>]*)?)>([\s\S]*?)<\/script>/gi
const RUNS = /^(?:|text\/javascript|module|importmap)$/i

/** Whether a request path is in the admin area. */
export const isAdminPath = (path: string) => /^\/admin(\/|\?|$)/.test(path)

/** The CSP source expressions ('sha256-…') of the inline scripts in these parts of a page. */
export function inlineScriptHashes(parts: readonly string[]): string[] {
  const hashes = new Set<string>()
  for (const part of parts) {
    for (const [, attributes = '', body = ''] of part.matchAll(INLINE_SCRIPT)) {
      const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? ''
      if (RUNS.test(type)) hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`)
    }
  }
  return [...hashes]
}

/** The policy of a page with these inline script hashes; the admin area may not be framed at all. */
export function pagePolicy(scriptHashes: readonly string[], { admin }: { admin: boolean }): string {
  return [
    `default-src 'self'`,
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:`,
    `font-src 'self' data:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    ...(admin ? [`frame-ancestors 'none'`] : []),
  ].join('; ')
}
