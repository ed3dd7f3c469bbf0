// Passwords are kept as scrypt hashes with a random salt per hash. The parameters travel with
// each hash (`scrypt$N$r$p$salt$key`), so the cost can be raised without breaking old ones; a
// hash made with a lower cost is replaced on the next successful sign-in (needsRehash).
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

const COST = { N: 2 ** 17, r: 8, p: 1 }
const KEY_BYTES = 32
const SALT_BYTES = 16
// Each derivation holds 128 * N * r bytes (128 MiB at our cost) for its whole run: a few at a
// time keep a burst of sign-ins from taking the server's memory; the rest wait their turn.
const PARALLEL = 2

let running = 0
const waiting: (() => void)[] = []

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>(resolve => waiting.push(resolve))
  else running++
  try {
    return await work()
  }
  finally {
    // A waiting derivation takes over this one's place, so `running` stays as it is.
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}

function derive(password: string, salt: Buffer, cost: typeof COST): Promise<Buffer> {
  // Exactly 128 * N * r would fail on Node's bookkeeping: allow a little headroom.
  const maxmem = 129 * cost.N * cost.r
  return inTurn(() => new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...cost, maxmem }, (error, key) => error ? reject(error) : resolve(key))
  }))
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, COST)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** Whether a hash was made with other parameters than new hashes get. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(`scrypt$${COST.N}$${COST.r}$${COST.p}$`)
}

// Checking a password against this when the email is unknown takes as long as a real check,
// so response times do not tell which accounts exist.
let decoy: Promise<string> | undefined
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'))
  return decoy
}
