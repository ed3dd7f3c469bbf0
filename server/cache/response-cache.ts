// Responses in memory (rendered pages, API reads), each tagged with the data version it was made
// at, so a write makes every older entry a miss. A key is made once however many requests ask for
// it at the same time, and each compressed variant is computed once per entry.
import { createHash } from 'node:crypto'
import { compress } from './compression'
import type { ContentEncoding } from './negotiation'
import { ExpiringLru } from './lru'

export interface CachedBody {
  body: string
  headers: Record<string, string>
}

export interface CachedVariant {
  body: Buffer
  etag: string
}

export interface CacheEntry {
  version: string
  headers: Record<string, string>
  variant: (encoding: ContentEncoding) => Promise<CachedVariant>
}

function createEntry({ body: text, headers }: CachedBody, version: string): CacheEntry {
  const body = Buffer.from(text)
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27)
  const identity = Promise.resolve({ body, etag: `"${hash}"` })
  const compressed = new Map<ContentEncoding, Promise<CachedVariant>>()
  return {
    version,
    headers,
    variant(encoding) {
      if (encoding === 'identity') return identity
      let variant = compressed.get(encoding)
      if (!variant) {
        // Each encoding gets its own tag: a cache must not answer a gzip request with brotli.
        variant = compress(body, encoding, 'thorough').then(bytes => ({ body: bytes, etag: `"${hash}-${encoding}"` }))
        compressed.set(encoding, variant)
      }
      return variant
    },
  }
}

export interface ResponseCacheOptions {
  capacity: number
  maxAgeMs: number
  /** The current data version. */
  version: () => string
}

export interface CacheLookup {
  entry: CacheEntry | undefined
  /** Whether this caller's own `render` ran, rather than a cached or shared result. */
  rendered: boolean
}

export function createResponseCache({ capacity, maxAgeMs, version }: ResponseCacheOptions) {
  const entries = new ExpiringLru<string, CacheEntry>(capacity, maxAgeMs)
  const renders = new Map<string, Promise<CacheEntry | undefined>>()

  return {
    /**
     * The entry for `key`. On a miss `render` runs, and whoever asks for the same key and version
     * meanwhile shares its result. `render` resolves to undefined for a response that must not be
     * cached; then there is no entry, and those who waited render for themselves.
     */
    async get(key: string, render: () => Promise<CachedBody | undefined>): Promise<CacheLookup> {
      const started = version()
      const cached = entries.get(key)
      if (cached?.version === started) return { entry: cached, rendered: false }
      const renderKey = `${started} ${key}`
      const running = renders.get(renderKey)
      if (running) return { entry: await running.catch(() => undefined), rendered: false }
      const rendering = render().then(page => page && createEntry(page, started))
      renders.set(renderKey, rendering)
      try {
        const entry = await rendering
        // After a write during the render, what it read may be stale: serve it, but do not keep it.
        if (entry && version() === started) entries.set(key, entry)
        return { entry, rendered: true }
      }
      finally {
        renders.delete(renderKey)
      }
    },
  }
}
