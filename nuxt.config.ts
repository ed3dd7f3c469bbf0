// https://nuxt.com/docs/api/configuration/nuxt-config
import { themes } from './shared/theme'
import { DAY, SECOND } from './shared/time'

export default defineNuxtConfig({
  // The given layout keeps pages/, components/ and server/ at the root: pin it.
  modules: ['vuetify-nuxt-module', '@nuxt/eslint'],
  devtools: { enabled: false },
  css: ['@fontsource/roboto/latin-400.css', '@fontsource/roboto/latin-500.css', '@fontsource/roboto/latin-700.css', '~/assets/page.css'],
  srcDir: '.',
  routeRules: {
    '/admin': { appLayout: 'admin' },
    '/admin/**': { appLayout: 'admin' },
  },
  compatibilityDate: '2026-11-01',
  nitro: {
    // Migrations travel inside the server bundle, so `.output/` runs from anywhere.
    serverAssets: [{ baseName: 'migrations', dir: '../db/migrations' }],
    // The interactive API reference is served from our own origin.
    // A missing file falls through to the API's catch-all: a problem+json 404, not the HTML error page.
    publicAssets: [{ dir: '../node_modules/swagger-ui-dist', baseURL: '/api/docs/assets', maxAge: DAY / SECOND, fallthrough: true }],
    externals: { external: ['@electric-sql/pglite'] },
  },
  typescript: {
    tsConfig: { compilerOptions: { allowImportingTsExtensions: true } },
  },
  telemetry: false,
  eslint: {
    config: { stylistic: true },
  },
  vuetify: {
    moduleOptions: { styles: true },
    vuetifyOptions: {
      icons: { defaultSet: 'mdi-svg' },
      // plugins/preferences.ts picks the visitor's theme per request.
      theme: { defaultTheme: 'light', themes },
    },
  },
})
