// Facts about a request: most depend on whether reverse proxies stand in front of the server
// (STATUS_PAGE_TRUST_PROXY: how many). Without them, no X-Forwarded-* header is believed.
import type { H3Event } from 'h3'
import { config } from '../config'
import { addressKey, clientAddressOf } from '../auth/client-address'

const trustedProxies = config.STATUS_PAGE_TRUST_PROXY
const trustProxy = trustedProxies > 0

/** The client's IP address: the rightmost X-Forwarded-For entry our own proxies did not write. */
export const clientAddress = (event: H3Event): string =>
  clientAddressOf(event.node.req.socket?.remoteAddress, getRequestHeader(event, 'x-forwarded-for'), trustedProxies)

/** What limits count a client under: its address, or for IPv6 its /64 network. */
export const clientKey = (event: H3Event): string => addressKey(clientAddress(event))

/** The origin the browser sees, e.g. https://status.example.com. */
export const publicOrigin = (event: H3Event): string =>
  getRequestURL(event, { xForwardedHost: trustProxy, xForwardedProto: trustProxy }).origin

/** Whether the browser reached us over TLS, directly or through a trusted proxy that says so. */
export const cameOverTls = (event: H3Event): boolean => getRequestProtocol(event, { xForwardedProto: trustProxy }) === 'https'

/**
 * The path as the client sent it, percent-encoded, without the query. `event.path` is decoded for
 * routing, and two paths that differ only in an encoded `?` or `#` may share it there.
 */
export const pathAsSent = (event: H3Event): string => (event.node.req.originalUrl ?? event.node.req.url ?? '/').split('?', 1)[0]!
