// Weighs a page of the running app as a first visit loads it: the gzip size of the HTML and of
// every script and stylesheet it references (modulepreload links included), and fails when
// something comes from another origin or the page is over budget.
//   node scripts/page-weight.ts [url] [--js-budget KB] [--css-budget KB]
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'js-budget': { type: 'string', default: '150' }, 'css-budget': { type: 'string', default: '60' } },
})
const page = new URL(positionals[0] ?? 'http://127.0.0.1:3000/')

const gzipped = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const html = await (await fetch(page)).text()
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]

const assets = new Map<string, 'js' | 'css'>()
for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
  const rel = attribute(tag, 'rel') ?? ''
  const as = attribute(tag, 'as')
  const href = attribute(tag, 'src') ?? attribute(tag, 'href')
  if (!href) continue
  if (tag.startsWith('<script') || rel === 'modulepreload' || (rel === 'preload' && as === 'script')) assets.set(href, 'js')
  else if (rel === 'stylesheet' || (rel === 'preload' && as === 'style')) assets.set(href, 'css')
}

const foreign = [...assets.keys()].filter(href => new URL(href, page).origin !== page.origin)
const totals = { js: 0, css: 0 }
for (const [href, kind] of assets) {
  const response = await fetch(new URL(href, page))
  if (!response.ok) throw new Error(`${href}: ${response.status}`)
  const size = gzipped(new Uint8Array(await response.arrayBuffer()))
  totals[kind] += size
  console.log(`${kind.padEnd(3)} ${kb(size).padStart(9)}  ${href}`)
}

console.log(`\nHTML ${kb(gzipped(new TextEncoder().encode(html)))} gzip (inline styles and payload included)`)
console.log(`JS   ${kb(totals.js)} gzip in ${[...assets.values()].filter(k => k === 'js').length} files (budget ${values['js-budget']} KB)`)
console.log(`CSS  ${kb(totals.css)} gzip in ${[...assets.values()].filter(k => k === 'css').length} files (budget ${values['css-budget']} KB)`)

const problems = [
  ...foreign.map(href => `loads from another origin: ${href}`),
  ...(totals.js > Number(values['js-budget']) * 1024 ? ['JavaScript over budget'] : []),
  ...(totals.css > Number(values['css-budget']) * 1024 ? ['CSS over budget'] : []),
]
if (problems.length > 0) {
  console.error(`\n${problems.join('\n')}`)
  process.exit(1)
}
