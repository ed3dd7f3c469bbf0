// https://nuxt.com/docs/api/configuration/nuxt-config
import { fileURLToPath } from 'node:url'
import { asciiChunks } from './scripts/ascii-chunks'
import { embeddedTemplateAsset } from './scripts/embedded-template-asset'
import { themes } from './shared/theme'
import { DAY, SECOND } from './shared/time'

export default defineNuxtConfig({
  // The given layout keeps pages/, components/ and server/ at the root: pin it.
  modules: ['vuetify-nuxt-module', '@nuxt/eslint'],
  devtools: { enabled: false },
  css: ['@fontsource/roboto/latin-400.css', '@fontsource/roboto/latin-500.css', '@fontsource/roboto/latin-700.css', '~/assets/page.css'],
  srcDir: '.',
  routeRules: {
    // The status pages are HTML alone: nothing on them needs the app in the browser, and a phone
    // shows them without starting Vue. public/page-live.js keeps them current.
    '/': { noScripts: true },
    '/history': { noScripts: true },
    '/incidents/**': { noScripts: true },
    '/components/**': { noScripts: true },
    '/admin': { appLayout: 'admin' },
    '/admin/**': { appLayout: 'admin' },
  },
  compatibilityDate: '2026-11-01',
  nitro: {
    // Migrations travel inside the server bundle, so `.output/` runs from anywhere. So does the
    // template of a new embedded database (scripts/embedded-template.ts), as a file beside it.
    serverAssets: [{ baseName: 'migrations', dir: '../db/migrations' }],
    rollupConfig: {
      // The chunks in ASCII, so that V8 keeps their source at one byte a character.
      plugins: [embeddedTemplateAsset(), asciiChunks()],
    },
    // The interactive API reference is served from our own origin.
    // A missing file falls through to the API's catch-all: a problem+json 404, not the HTML error page.
    publicAssets: [{ dir: '../node_modules/swagger-ui-dist', baseURL: '/api/docs/assets', maxAge: DAY / SECOND, fallthrough: true }],
    // Everything is bundled but PGlite, which loads its WebAssembly from beside its own files: the
    // runtime then resolves three packages rather than some fifty, which halves the time to start.
    externals: { external: ['@electric-sql/pglite'], inline: [(id: string) => !/@electric-sql\/pglite|\bundici\b/.test(id)] },
    // The server runs on Node 22 or later: no lowering of class fields and private members into
    // WeakMap lookups, which a cache hit went through on every request.
    esbuild: { options: { target: 'node22' } },
    // Besides server/utils/, what route handlers use without importing it: who is calling, sessions
    // and sign-in, cached public reads, the data version. Everything else imports explicitly.
    imports: {
      dirs: ['auth/callers.ts', 'auth/session.ts', 'auth/sign-in.ts', 'auth/oidc.ts', 'cache/public-read.ts', 'cache/changes.ts']
        .map(file => fileURLToPath(new URL(`server/${file}`, import.meta.url))),
    },
  },
  typescript: {
    tsConfig: { compilerOptions: { allowImportingTsExtensions: true } },
  },
  telemetry: false,
  hooks: {
    // The pages' route patterns (which Nuxt gives Nitro as ssrRoutes, in production builds) label
    // page requests in the metrics (server/metrics/requests.ts). Read when the bundle is written.
    'nitro:build:before'(nitro) {
      nitro.options.virtual['#page-routes'] = () => `export default ${JSON.stringify(nitro.options.ssrRoutes ?? [])}`
    },
    // No prefetch hints for the chunks a page may load later (the admin area's, mostly): on a
    // phone, fetching twenty of them held up the parsing of the page the visitor came for.
    'build:manifest'(manifest) {
      for (const chunk of Object.values(manifest)) chunk.prefetch = false
    },
  },
  eslint: {
    config: { stylistic: true },
  },
  vuetify: {
    moduleOptions: { styles: true },
    vuetifyOptions: {
      icons: { defaultSet: 'mdi-svg' },
      // Vuetify's own words (a field's "Clear …", "Close") in the page's language: plugins/preferences.ts.
      localeMessages: ['en', 'de'],
      // plugins/preferences.ts picks the visitor's theme per request.
      theme: { defaultTheme: 'light', themes },
    },
  },
})
