// Answer HEAD like GET: the router only knows GET handlers, and Node drops the body of a HEAD
// response by itself. h3 caches the method in `_method` on first read, so both are set.
export default defineEventHandler((event) => {
  if (event.method !== 'HEAD') return
  event.node.req.method = 'GET'
  ;(event as unknown as { _method: string })._method = 'GET'
})
