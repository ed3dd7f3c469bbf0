import { describe, expect, it } from 'vitest'
import { addressKey, clientAddressOf } from '../../server/auth/client-address.ts'
import { readConfig } from '../../server/config.ts'

describe('clientAddressOf', () => {
  it('believes no X-Forwarded-For without trusted proxies', () => {
    expect(clientAddressOf('192.0.2.1', '203.0.113.5', 0)).toBe('192.0.2.1')
  })

  it('takes the rightmost entry behind one proxy, whatever the client put before it', () => {
    expect(clientAddressOf('10.0.0.1', '1.1.1.1, 203.0.113.5', 1)).toBe('203.0.113.5')
    expect(clientAddressOf('10.0.0.1', '203.0.113.5', 1)).toBe('203.0.113.5')
  })

  it('skips the entries written by further trusted proxies', () => {
    expect(clientAddressOf('10.0.0.2', '1.1.1.1, 203.0.113.5, 10.0.0.1', 2)).toBe('203.0.113.5')
    // Fewer entries than proxies: the leftmost one.
    expect(clientAddressOf('10.0.0.2', '203.0.113.5', 3)).toBe('203.0.113.5')
  })

  it('falls back to the socket for a missing or garbled header', () => {
    expect(clientAddressOf('10.0.0.1', undefined, 1)).toBe('10.0.0.1')
    expect(clientAddressOf('10.0.0.1', 'not-an-address', 1)).toBe('10.0.0.1')
    expect(clientAddressOf(undefined, undefined, 0)).toBe('unknown')
  })
})

describe('addressKey', () => {
  it('keeps IPv4 addresses, also IPv4-mapped ones', () => {
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5')
    expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5')
  })

  it('keys IPv6 addresses by their /64 network, however written', () => {
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:0DB8:0001:0002::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
    expect(addressKey('2001:db8:1:2::')).toBe(addressKey('2001:db8:1:2:ffff::1'))
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'))
  })
})

describe('STATUS_PAGE_TRUST_PROXY', () => {
  it('is a number of proxies; true is one and false none, as before', () => {
    const proxies = (value?: string) => readConfig({ STATUS_PAGE_TRUST_PROXY: value }).STATUS_PAGE_TRUST_PROXY
    expect([proxies(), proxies(''), proxies('false'), proxies('true'), proxies('2')]).toEqual([0, 0, 0, 1, 2])
    expect(() => proxies('sometimes')).toThrow(/STATUS_PAGE_TRUST_PROXY/)
  })
})
