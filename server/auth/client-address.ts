// Who a request comes from, behind any number of reverse proxies that we trust. Each proxy
// appends the address it received the request from to X-Forwarded-For, so only the entries our
// own proxies wrote can be believed: counted from the right, the first one they did not write
// themselves is the client. Everything further left was chosen by the client.
import { isIP } from 'node:net'

/**
 * The client's address: the socket's peer without trusted proxies, else the entry of
 * X-Forwarded-For that the outermost trusted proxy wrote (`proxies` of them stand in front).
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | undefined, proxies: number): string {
  if (proxies > 0 && forwardedFor) {
    const hops = forwardedFor.split(',').map(hop => hop.trim()).filter(Boolean)
    // Fewer hops than proxies: the request skipped a proxy; the leftmost is the best we have.
    const hop = hops[Math.max(0, hops.length - proxies)]
    if (hop && isIP(hop)) return hop
  }
  return socketAddress ?? 'unknown'
}

/**
 * The key a client's address is counted under in limits: IPv4 addresses as they are, IPv6
 * addresses by their /64 network, since one subscriber usually holds a whole /64.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]!
  if (isIP(address) !== 6) return address
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') && tail ? tail.split(':') : []
  // An embedded IPv4 tail (…:1.2.3.4) lies in the host half, which is dropped anyway.
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  return `${groups.slice(0, 4).map(group => (Number.parseInt(group, 16) || 0).toString(16)).join(':')}::/64`
}
