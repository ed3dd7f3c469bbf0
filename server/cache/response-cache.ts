// Responses in memory (rendered pages, API reads), each tagged with the change count (changes.ts)
// it was made at. A key is made once however many requests ask for it at the same time, and each
// compressed variant is computed once per entry: quickly at first, then, if the entry has been
// asked for again and is still current a second later, thoroughly in the background.
//
// After a write, or once an entry has outlived `maxAgeMs`, the entry is stale, and the caches
// serve it on while one request makes the next (stale-while-revalidate), within these bounds:
// - a stale entry made less than a second ago is served without a new render, so a storm of
//   writes costs at most one render per key and second;
// - older, it is served only while another request renders the key, and only up to two seconds
//   after it was made; past that, requests wait for the render;
// - a request with a floor (read-floor.ts) gets nothing made before that many changes.
import { compress, decompress } from './compression'
import { contentHash, entityTag } from './entity-tag'
import type { ContentEncoding } from './negotiation'
import { ByteLru } from './lru'

export interface CachedBody {
  body: string
  headers: Record<string, string>
}

export interface CachedVariant {
  body: Buffer
  etag: string
}

export interface CacheEntry {
  /** The change count when its making began: it holds every write up to there. */
  version: number
  /** When its making began (ms). */
  madeAt: number
  headers: Record<string, string>
  variant: (encoding: ContentEncoding) => Promise<CachedVariant>
  /** The variant if it is made already. */
  madeVariant: (encoding: ContentEncoding) => CachedVariant | undefined
  /** What it holds in memory, roughly. */
  bytes: () => number
  /** Calls `listener` whenever what it holds changes size. */
  onResize: (listener: () => void) => void
}

/** A second: how often a key is made again at most while writes keep coming. */
export const staleMs = 1000
// Keys, headers and the objects around them.
const overheadBytes = 1024

/**
 * An entry holds the body as rendered only until its first variant is made; after that, only the
 * variants clients asked for (what a browser gets of a page, its brotli copy, is a thirteenth of
 * the page), and it decodes one of them when it needs the body again. So the caches' budget holds
 * many more pages, and what they keep for a database outage costs little.
 */
export function createEntry({ body: text, headers }: CachedBody, version: number, madeAt: number, inUse: () => boolean): CacheEntry {
  let rendered: Buffer | undefined = Buffer.from(text)
  const hash = contentHash(rendered)
  const asked = new Map<ContentEncoding, Promise<CachedVariant>>()
  const made = new Map<ContentEncoding, CachedVariant>()
  const listeners: (() => void)[] = []
  const keep = (encoding: ContentEncoding, bytes: Buffer) => {
    // The quick and the thorough compression share the tag: other bytes, but the same content
    // in the same encoding. Byte-identity matters only to range requests, which no cached
    // answer serves, and one tag keeps the clients' 304s across the swap.
    const variant = { body: bytes, etag: entityTag(hash, encoding) }
    made.set(encoding, variant)
    rendered = undefined
    for (const listener of listeners) listener()
    return variant
  }
  const plain = async (): Promise<Buffer> => {
    if (rendered) return rendered
    const identity = made.get('identity')
    if (identity) return identity.body
    const [encoding, variant] = made.entries().next().value!
    return decompress(variant.body, encoding as Exclude<ContentEncoding, 'identity'>)
  }
  return {
    version,
    madeAt,
    headers,
    bytes: () => overheadBytes + (rendered?.length ?? 0) + [...made.values()].reduce((sum, { body }) => sum + body.length, 0),
    onResize: listener => void listeners.push(listener),
    madeVariant: encoding => made.get(encoding),
    variant(encoding) {
      let variant = asked.get(encoding)
      if (variant) return variant
      if (encoding === 'identity') {
        asked.set(encoding, variant = plain().then(bytes => keep(encoding, bytes)))
        return variant
      }
      // The first request is not kept waiting for the thorough compression, and an entry that a
      // write replaces within the second (as in a storm of writes), or that nobody asks for
      // again (a flood of made-up URLs), never pays for it.
      asked.set(encoding, variant = plain().then(bytes => compress(bytes, encoding, 'quick')).then(bytes => keep(encoding, bytes)))
      setTimeout(() => {
        if (!inUse()) return
        plain().then(bytes => compress(bytes, encoding, 'thorough'))
          .then(bytes => asked.set(encoding, Promise.resolve(keep(encoding, bytes))))
          .catch((error: unknown) => console.error('Background compression failed:', error))
      }, staleMs).unref()
      return variant
    },
  }
}

export interface ResponseCacheOptions {
  /** What the entries may hold in memory together. */
  maxBytes: number
  /** How long an entry answers without a new render while no write comes. */
  maxAgeMs: number
  /** The current change count. */
  version: () => number
}

export interface CacheLookup {
  entry: CacheEntry | undefined
  /** Whether this caller's own `render` ran, rather than a cached or shared result. */
  rendered: boolean
  /** Whether the entry is older than the last write or its maximum age. */
  stale: boolean
}

interface Render {
  made: Promise<CacheEntry | undefined>
  version: number
}

export function createResponseCache({ maxBytes, maxAgeMs, version }: ResponseCacheOptions) {
  const entries = new ByteLru<string, CacheEntry>(maxBytes, maxAgeMs + 2 * staleMs)
  const renders = new Map<string, Render>()
  // Entries that have answered more than the request they were made for.
  const reused = new WeakSet<CacheEntry>()
  /** Whether it holds every write and is within its age. */
  const fresh = (entry: CacheEntry, now: number) => entry.version === version() && now - entry.madeAt < maxAgeMs

  async function renderNow(key: string, render: (version: number) => Promise<CachedBody | undefined>): Promise<CacheLookup> {
    const started = version()
    const madeAt = Date.now()
    const made = render(started).then((page) => {
      if (!page) return undefined
      const entry = createEntry(page, started, madeAt,
        () => reused.has(entry) && entries.peek(key) === entry && entry.version === version())
      entry.onResize(() => entries.resize(key, entry, entry.bytes()))
      return entry
    })
    const mine = { made, version: started }
    renders.set(key, mine)
    try {
      const entry = await made
      const kept = entries.peek(key)
      // Kept even when a write came meanwhile: it is still newer than what was there.
      if (entry && (!kept || kept.madeAt <= entry.madeAt)) entries.set(key, entry, entry.bytes())
      return { entry, rendered: true, stale: false }
    }
    finally {
      if (renders.get(key) === mine) renders.delete(key)
    }
  }

  return {
    /**
     * The entry for `key` if it holds every write and is within its age: what any request may be
     * answered with, whatever its floor. Like `get`, it counts as a use.
     */
    current(key: string): CacheEntry | undefined {
      const cached = entries.get(key)
      if (!cached || !fresh(cached, Date.now())) return undefined
      reused.add(cached)
      return cached
    },

    /**
     * The entry for `key`, holding at least `floor` changes. When there is none to serve,
     * `render` runs (given the change count it starts at), and whoever needs the same key
     * meanwhile shares its result. `render` resolves to undefined for a response that must not be
     * cached; then there is no entry, and those who waited render for themselves.
     */
    async get(key: string, render: (version: number) => Promise<CachedBody | undefined>, floor = 0): Promise<CacheLookup> {
      const now = Date.now()
      const current = version()
      const cached = entries.get(key)
      const running = renders.get(key)
      if (cached && cached.version >= floor) {
        reused.add(cached)
        const age = now - cached.madeAt
        if (fresh(cached, now)) return { entry: cached, rendered: false, stale: false }
        // How far it may be behind: since the write it missed, at most its age; otherwise since
        // it expired.
        const behind = cached.version === current ? age - maxAgeMs : age
        const served = { entry: cached, rendered: false, stale: true }
        if (running ? behind < 2 * staleMs : cached.version !== current && age < staleMs) return served
      }
      if (running && running.version >= floor) {
        return { entry: await running.made.catch(() => undefined), rendered: false, stale: false }
      }
      return renderNow(key, render)
    },
  }
}

export type ResponseCache = ReturnType<typeof createResponseCache>
