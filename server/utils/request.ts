// Facts about a request that depend on whether a reverse proxy stands in front of the server
// (STATUS_PAGE_TRUST_PROXY).
import type { H3Event } from 'h3'
import { config } from '../config'

const trustProxy = config.STATUS_PAGE_TRUST_PROXY

/** The client's IP address. */
export const clientAddress = (event: H3Event): string => getRequestIP(event, { xForwardedFor: trustProxy }) ?? 'unknown'

/** The origin the browser sees, e.g. https://status.example.com. */
export const publicOrigin = (event: H3Event): string =>
  getRequestURL(event, { xForwardedHost: trustProxy, xForwardedProto: true }).origin

/** Whether the browser reached us over TLS, directly or through a proxy that says so. */
export const cameOverTls = (event: H3Event): boolean => getRequestProtocol(event, { xForwardedProto: true }) === 'https'
