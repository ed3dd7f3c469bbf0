// Whether the database answers, and a deadline for requests that wait on it. A stopped PostgreSQL
// server refuses connections at once, but a hung one (frozen, or behind a network that drops
// packets) keeps its sockets open and never answers: without a deadline a request waits for ever.
import { databaseUnavailable } from '../problem'

/** How long a probe may take before the database counts as not answering. */
const probeTimeoutMs = 500
/** How long a request runs before we ask whether the database still answers. */
const patienceMs = 1000
/** While the database is down, one failed probe stands for this long before the next. */
const recheckMs = 1000

let probing: Promise<boolean> | undefined
let down = false
let checkedAt = 0

const after = <T>(ms: number, value: T) => new Promise<T>(resolve => setTimeout(resolve, ms, value).unref())
// A deadline that lets I/O which arrived meanwhile be read first: on a busy event loop (a long
// render) a timer can fire after the database's answer came in but before it was read.
const afterPendingIo = <T>(ms: number, value: T) => after(ms, value).then(v => new Promise<T>(resolve => setImmediate(resolve, v)))

function setDown(now: boolean) {
  if (now !== down) console[now ? 'error' : 'info'](now ? 'The database does not answer.' : 'The database answers again.')
  down = now
  checkedAt = Date.now()
}

/** Whether the database is the embedded PGlite, which runs in this process and cannot hang apart from it. */
const embedded = () => Promise.race([useDatabaseHandle().then(handle => handle.kind === 'pglite', () => false), after(probeTimeoutMs, false)])

/** Whether the database answers a trivial query within half a second. One probe runs at a time. */
export function databaseAnswers(): Promise<boolean> {
  let pglite = false
  probing ??= Promise.race([
    useDatabaseHandle().then((handle) => {
      pglite = handle.kind === 'pglite'
      return handle.ping()
    }).then(() => true, () => false),
    afterPendingIo(probeTimeoutMs, false),
  ]).then((answers) => {
    // Embedded PGlite runs in this process: slow there means busy, not gone, so requests wait for it.
    setDown(!answers && !pglite)
    probing = undefined
    return answers
  })
  return probing
}

/**
 * A request failed as if the database were unavailable (a refused connection, a statement cut off
 * after its timeout): a probe tells whether it is, so that one slow statement does not count as an
 * outage, while a stopped server fails the probe at once.
 */
export const suspectDatabaseOutage = () => void databaseAnswers()

/**
 * Whether the database was found unavailable and has not answered since, for answering from a
 * last good copy at once. A probe a second at most finds out when it is back.
 */
export function databaseSeemsDown(): boolean {
  if (down && Date.now() - checkedAt >= recheckMs) void databaseAnswers()
  return down
}

/**
 * Runs a request's work, but answers 503 within about 1.5 s when the database stops answering
 * meanwhile; work that is slow while the database answers is waited for. While the database is
 * known to be down, requests are refused at once: a page that reads several things one after the
 * other would otherwise wait for each, and a write might be queued and applied after its 503.
 */
export async function withinDatabaseDeadline<T>(work: () => Promise<T>): Promise<T> {
  if (down && (Date.now() - checkedAt < recheckMs || !(await databaseAnswers()))) throw databaseUnavailable()
  const running = work()
  const waiting = Symbol('waiting')
  if (await Promise.race([running, after(patienceMs, waiting)]) !== waiting) return running
  if (await embedded() || await databaseAnswers()) return running
  // Nobody hears of its outcome any more; that must not become an unhandled rejection.
  running.catch(() => {})
  throw databaseUnavailable()
}
