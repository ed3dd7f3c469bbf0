// Whether a webhook may go to an address. Receivers on loopback, private, link-local or other
// special-purpose addresses would let whoever registers a webhook reach into the network the
// app runs in, so they are refused unless the operator allows them
// (STATUS_PAGE_WEBHOOK_ALLOW_PRIVATE). The check runs on the address a connection actually goes
// to, after DNS resolution (lookup below), so a name that resolves differently later gains nothing.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import { BlockList, isIP } from 'node:net'

const special = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) special.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::', 127], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) special.addSubnet(network, prefix, 'ipv6')

/** Whether `address` is loopback, private, link-local, documentation, multicast or reserved. */
export function isSpecialAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return special.check(mapped[1]!, 'ipv4')
  const family = isIP(address)
  return family === 0 || special.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

export class SpecialAddressError extends Error {
  readonly code = 'ESPECIALADDRESS'
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/** A `lookup` for sockets that refuses special addresses (see isSpecialAddress). */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback) {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, [])
    const refused = addresses.find(({ address }) => isSpecialAddress(address))
    if (refused) return callback(new SpecialAddressError(`${hostname} resolves to ${refused.address}, which is not a public address`), [])
    if (options.all) return callback(null, addresses)
    callback(null, addresses[0]!.address, addresses[0]!.family)
  })
}
