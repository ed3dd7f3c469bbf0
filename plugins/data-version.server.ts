// The data version the page is rendered from (server/middleware/data-version.ts), in the payload
// for plugins/live-refresh.client.ts.
export default defineNuxtPlugin(() => {
  useState<string | undefined>('data-version').value = useRequestEvent()?.context.dataVersion as string | undefined
})
