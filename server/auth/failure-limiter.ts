// Slows down guessing: after a number of free failures, each further failure doubles the time a
// key (an email, an IP address) must wait before its next attempt. Failures are forgotten once a
// key has had none for a window. Kept in memory: it protects one process and resets on restart.

export interface FailureRule {
  /** Failures allowed before any waiting. */
  free: number
  /** The wait after the first failure beyond the free ones; it doubles with each further one. */
  baseDelayMs: number
  maxDelayMs: number
  /** How long a key must be quiet before its failures are forgotten. */
  windowMs: number
}

interface Record { failures: number, last: number }

// Enough for a flood of distinct keys without letting memory grow without bound.
const MAX_KEYS = 50_000

export class FailureLimiter {
  readonly #records = new Map<string, Record>()

  constructor(readonly rule: FailureRule, private readonly now: () => number = Date.now) {}

  /** Milliseconds until the key may try again; 0 when it may now. */
  waitFor(key: string): number {
    const record = this.#current(key)
    if (!record || record.failures < this.rule.free) return 0
    const delay = Math.min(this.rule.maxDelayMs, this.rule.baseDelayMs * 2 ** (record.failures - this.rule.free))
    return Math.max(0, record.last + delay - this.now())
  }

  fail(key: string) {
    const record = this.#current(key) ?? { failures: 0, last: 0 }
    record.failures++
    record.last = this.now()
    this.#records.delete(key)
    this.#records.set(key, record)
    if (this.#records.size > MAX_KEYS) this.#forgetOldest()
  }

  /** Forgets every failure of the key. */
  reset(key: string) {
    this.#records.delete(key)
  }

  /** Takes back one failure, for attempts that are counted before their outcome is known. */
  forgiveOne(key: string) {
    const record = this.#records.get(key)
    if (record && --record.failures <= 0) this.#records.delete(key)
  }

  #current(key: string): Record | undefined {
    const record = this.#records.get(key)
    if (record && this.now() - record.last > this.rule.windowMs) {
      this.#records.delete(key)
      return undefined
    }
    return record
  }

  // The map keeps insertion order and fail() re-inserts, so the first keys are the stalest.
  #forgetOldest() {
    for (const key of this.#records.keys()) {
      this.#records.delete(key)
      if (this.#records.size <= MAX_KEYS * 0.9) return
    }
  }
}
