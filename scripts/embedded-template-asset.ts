// Puts the template of a new embedded database (written by scripts/embedded-template.ts) beside the
// server bundle as a file of its own, and gives the server a function that returns its URL as
// `#embedded-template`. As a server asset it was a 6 MB base64 module, which a first start had to
// parse and decode, and which then stayed in memory for as long as the server ran. A build without
// the template gets a function that returns undefined.
import { existsSync, readFileSync } from 'node:fs'
import type { Plugin } from 'rollup'

const id = '#embedded-template'

/** Where scripts/embedded-template.ts writes the template, and where the build takes it from. */
export const templateFile = new URL('../node_modules/.cache/embedded-database/database.tar.gz', import.meta.url)

export function embeddedTemplateAsset(): Plugin {
  return {
    name: 'embedded-template-asset',
    resolveId: source => (source === id ? `\0${id}` : null),
    load(loading) {
      if (loading !== `\0${id}`) return null
      if (!existsSync(templateFile)) return 'export default () => undefined'
      const reference = this.emitFile({ type: 'asset', fileName: 'embedded/database.tar.gz', source: readFileSync(templateFile) })
      return `export default () => new URL(import.meta.ROLLUP_FILE_URL_${reference})`
    },
    // Nitro gives every chunk the entry's `import.meta` (index.mjs, at the root of the output), so
    // the file is found from there rather than from the chunk that asks for it; and only once the
    // entry has run, which is after the chunks it imports: hence a function, not a constant.
    resolveFileUrl: ({ fileName }) => `new URL(${JSON.stringify(`./${fileName}`)}, import.meta.url).href`,
  }
}
