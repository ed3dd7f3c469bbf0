import { describe, expect, it } from 'vitest'
import { matchesEntityTag, preferredEncoding } from '../../server/cache/negotiation.ts'

describe('preferredEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['BR', 'br'],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['deflate, identity', 'identity'],
    ['gzip;q=abc', 'identity'],
  ] as const)('%j gives %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected)
  })
})

describe('matchesEntityTag', () => {
  it('matches the tag, in a list, weakly and by wildcard', () => {
    expect(matchesEntityTag('"abc"', '"abc"')).toBe(true)
    expect(matchesEntityTag('"x", "abc"', '"abc"')).toBe(true)
    expect(matchesEntityTag('W/"abc"', '"abc"')).toBe(true)
    expect(matchesEntityTag('*', '"abc"')).toBe(true)
  })

  it('does not match another tag or no header', () => {
    expect(matchesEntityTag('"abc-br"', '"abc"')).toBe(false)
    expect(matchesEntityTag('abc', '"abc"')).toBe(false)
    expect(matchesEntityTag(undefined, '"abc"')).toBe(false)
    expect(matchesEntityTag('', '"abc"')).toBe(false)
  })
})
