// h3 decodes a request's path before it routes it, an encoded `?` or `#` too, and then takes that
// character for the start of the query or fragment: `/api/severities/%3Fodd` (the severity `?odd`)
// would reach the list of severities with the query `odd`. API paths are routed with these two
// encoded once more (h3 keeps `%25` as it is), so they stay inside their segment. Path parameters
// and anything else that must tell names apart use the path as sent (pathAsSent, routeText).
export default defineNitroPlugin((nitroApp) => {
  const handle = nitroApp.h3App.handler
  nitroApp.h3App.handler = (event) => {
    const url = event.node.req.url ?? '/'
    if (url.startsWith('/api/')) event._path = url.replace(/^[^?]*/, path => path.replace(/%(3F|23)/gi, '%25$1'))
    return handle(event)
  }
})
