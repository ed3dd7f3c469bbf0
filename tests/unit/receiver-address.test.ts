import { describe, expect, it } from 'vitest'
import { isSpecialAddress, publicOnlyLookup } from '../../server/notify/receiver-address.ts'

describe('isSpecialAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not an address'])('refuses %s', (address) => {
    expect(isSpecialAddress(address)).toBe(true)
  })

  it.each(['93.184.215.14', '2a00:1450:4001:80b::200e', '::ffff:93.184.215.14'])('allows %s', (address) => {
    expect(isSpecialAddress(address)).toBe(false)
  })
})

describe('publicOnlyLookup', () => {
  it('refuses a name that resolves to a loopback address', async () => {
    const error = await new Promise<Error | null>(resolve => publicOnlyLookup('localhost', {}, error => resolve(error)))
    expect(error?.message).toMatch(/localhost resolves to .* not a public address/)
  })
})
