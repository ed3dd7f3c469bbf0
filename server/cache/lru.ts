/**
 * A map that keeps at most `capacity` entries, dropping the least recently used first, and
 * forgets each entry `maxAgeMs` after it was set.
 */
export class ExpiringLru<K, V> {
  readonly #entries = new Map<K, { value: V, expires: number }>()

  constructor(readonly capacity: number, readonly maxAgeMs: number) {}

  get size() {
    return this.#entries.size
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#entries.delete(key)
    if (entry.expires <= Date.now()) return undefined
    // Map keeps insertion order: setting it again makes it the most recently used.
    this.#entries.set(key, entry)
    return entry.value
  }

  set(key: K, value: V) {
    this.#entries.delete(key)
    this.#entries.set(key, { value, expires: Date.now() + this.maxAgeMs })
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.capacity) break
      this.#entries.delete(oldest)
    }
  }

  clear() {
    this.#entries.clear()
  }
}
