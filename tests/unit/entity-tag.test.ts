import { describe, expect, it } from 'vitest'
import { contentHash, entityTag, ifMatchHolds } from '../../server/cache/entity-tag'

const hash = contentHash('{"data":{"id":"a"}}')
const other = contentHash('{"data":{"id":"b"}}')

describe('entity tags', () => {
  it('are strong, one per encoding, and follow the content', () => {
    const tags = (['identity', 'br', 'gzip'] as const).map(encoding => entityTag(hash, encoding))
    expect(new Set(tags).size).toBe(3)
    tags.forEach(tag => expect(tag).toMatch(/^"[\w-]+"$/))
    expect(contentHash('{"data":{"id":"a"}}')).toBe(hash)
    expect(other).not.toBe(hash)
  })
})

describe('If-Match', () => {
  it('holds for a strong tag of any variant of the content, in a list too, and for *', () => {
    expect(ifMatchHolds(entityTag(hash, 'identity'), hash)).toBe(true)
    expect(ifMatchHolds(entityTag(hash, 'br'), hash)).toBe(true)
    expect(ifMatchHolds(`"x", ${entityTag(hash, 'gzip')}`, hash)).toBe(true)
    expect(ifMatchHolds(' * ', hash)).toBe(true)
  })

  it('fails for other content, weak tags and what is no tag', () => {
    expect(ifMatchHolds(entityTag(other, 'identity'), hash)).toBe(false)
    expect(ifMatchHolds(`W/${entityTag(hash, 'identity')}`, hash)).toBe(false)
    expect(ifMatchHolds(`"${hash}-deflate"`, hash)).toBe(false)
    expect(ifMatchHolds(hash, hash)).toBe(false)
    expect(ifMatchHolds('', hash)).toBe(false)
  })
})
