// Sets each rendered page's Content-Security-Policy (see server/content-security-policy.ts).
// Set while rendering, it is kept with the page in the page cache.
import { inlineScriptHashes, isAdminPath, pagePolicy } from '../content-security-policy'

export default defineNitroPlugin((nitroApp) => {
  // Vite's development server evaluates code the policy would forbid.
  if (import.meta.dev) return
  nitroApp.hooks.hook('render:html', (html, { event }) => {
    const hashes = inlineScriptHashes([...html.head, ...html.bodyPrepend, ...html.bodyAppend])
    setResponseHeader(event, 'content-security-policy', pagePolicy(hashes, { admin: isAdminPath(event.path) }))
  })
})
