/**
 * A map bounded by the bytes its entries weigh, in two segments (a segmented LRU): a new key
 * enters on probation and is protected once it is used again (read, or set anew). Room is made by
 * dropping the least recently used entry on probation, and only when probation is empty a
 * protected one; protected entries beyond their share move back to probation. So a flood of keys
 * that are each asked for once (unique query strings, made-up hosts) only churns probation, and
 * the entries that many visitors ask for stay. Each entry is forgotten `maxAgeMs` after it was set.
 */
export class ByteLru<K, V> {
  readonly #probation = new Map<K, Slot<V>>()
  readonly #protected = new Map<K, Slot<V>>()
  #probationBytes = 0
  #protectedBytes = 0

  /** `protectedShare`: how much of `maxBytes` the protected segment may fill. */
  constructor(readonly maxBytes: number, readonly maxAgeMs: number, readonly protectedShare = 0.8) {}

  get size() {
    return this.#probation.size + this.#protected.size
  }

  get bytes() {
    return this.#probationBytes + this.#protectedBytes
  }

  /** The value, counting as a use (a key on probation becomes protected). */
  get(key: K): V | undefined {
    const slot = this.#live(key)
    if (!slot) return undefined
    // To the recent end of the protected segment; the weights change only if it was on probation.
    if (this.#protected.delete(key)) this.#protected.set(key, slot)
    else {
      this.#remove(key)
      this.#add(this.#protected, key, slot)
      this.#trim()
    }
    return slot.value
  }

  /** The value, without counting as a use. */
  peek(key: K): V | undefined {
    return this.#live(key)?.value
  }

  set(key: K, value: V, bytes: number) {
    const known = this.#remove(key)
    this.#add(known ? this.#protected : this.#probation, key, { value, bytes, expires: Date.now() + this.maxAgeMs })
    this.#trim()
  }

  /** A new weight for `key`, if it still holds `value` (an entry that grew after it was set). */
  resize(key: K, value: V, bytes: number) {
    for (const segment of [this.#probation, this.#protected]) {
      const slot = segment.get(key)
      if (slot?.value !== value) continue
      this.#count(segment, bytes - slot.bytes)
      slot.bytes = bytes
      this.#trim()
    }
  }

  clear() {
    this.#probation.clear()
    this.#protected.clear()
    this.#probationBytes = this.#protectedBytes = 0
  }

  #live(key: K): Slot<V> | undefined {
    const slot = this.#probation.get(key) ?? this.#protected.get(key)
    if (slot && slot.expires <= Date.now()) {
      this.#remove(key)
      return undefined
    }
    return slot
  }

  #count(segment: Map<K, Slot<V>>, bytes: number) {
    if (segment === this.#probation) this.#probationBytes += bytes
    else this.#protectedBytes += bytes
  }

  // Map keeps insertion order: the first key of a segment is its least recently used.
  #add(segment: Map<K, Slot<V>>, key: K, slot: Slot<V>) {
    segment.set(key, slot)
    this.#count(segment, slot.bytes)
  }

  #remove(key: K): boolean {
    return this.#removeFrom(this.#probation, key) || this.#removeFrom(this.#protected, key)
  }

  #removeFrom(segment: Map<K, Slot<V>>, key: K): boolean {
    const slot = segment.get(key)
    if (!slot) return false
    segment.delete(key)
    this.#count(segment, -slot.bytes)
    return true
  }

  #trim() {
    for (const [key, slot] of this.#protected) {
      if (this.#protectedBytes <= this.maxBytes * this.protectedShare) break
      this.#remove(key)
      this.#add(this.#probation, key, slot)
    }
    while (this.bytes > this.maxBytes) {
      const segment = this.#probation.size ? this.#probation : this.#protected
      const oldest = segment.keys().next()
      if (oldest.done) break
      this.#remove(oldest.value)
    }
  }
}

interface Slot<V> {
  value: V
  bytes: number
  expires: number
}
