// Every render builds its own Vuetify, whose language support deep-watches the message catalogues:
// module-level objects that live as long as the server. Vue keeps a watcher for as long as what it
// watches, and a server-side app is never unmounted, so each render left about 400 subscriptions,
// and with them its whole app, behind: memory grew by some 100 KB with every page rendered. Once
// the page is rendered nothing may react any more, so Vuetify's effects are stopped then.
export default defineNuxtPlugin((nuxtApp) => {
  nuxtApp.hook('vuetify:ready', (vuetify) => {
    nuxtApp.hooks.hook('app:rendered', () => vuetify.unmount())
  })
})
