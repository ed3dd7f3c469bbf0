// API responses of more than about 1 KB travel compressed when the client accepts it. Nitro's
// `beforeResponse` hook sees the handler's value before h3 serialises it, so this one place covers
// every JSON handler; streams (the event stream) and byte bodies pass untouched.
import { compress } from '../cache/compression'
import { preferredEncoding } from '../cache/negotiation'

const minimumBytes = 1024

const isJson = (body: unknown): body is object =>
  body !== null && typeof body === 'object' && (Array.isArray(body) || Object.getPrototypeOf(body) === Object.prototype)

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', async (event, response) => {
    if (!event.path.startsWith('/api/') || !isJson(response.body)) return
    appendResponseHeader(event, 'vary', 'Accept-Encoding')
    const encoding = preferredEncoding(getRequestHeader(event, 'accept-encoding'))
    if (encoding === 'identity') return
    const json = Buffer.from(JSON.stringify(response.body))
    if (json.length < minimumBytes) return
    // h3 would have said JSON; problem+json keeps the type its handler set.
    if (!getResponseHeader(event, 'content-type')) setResponseHeader(event, 'content-type', 'application/json')
    setResponseHeader(event, 'content-encoding', encoding)
    response.body = await compress(json, encoding, 'quick')
  })
})
