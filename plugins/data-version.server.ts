// The data version the page is rendered from (server/middleware/data-version.ts), on the document
// for public/page-live.js.
export default defineNuxtPlugin(() => {
  useHead({ htmlAttrs: { 'data-version': useRequestEvent()?.context.dataVersion as string | undefined } })
})
