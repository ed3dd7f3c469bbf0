// The data version: bumped after every successful write, so the caches make their entries anew
// (response-cache.ts) and open pages refetch. Writes on other app instances arrive through postgres-changes.ts.
import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'

/** `local`: a write in this process; `remote`: one that another instance reported. */
export type ChangeOrigin = 'local' | 'remote'

// A prefix per process: a client that reconnects to another instance, or after a restart, sees a
// different version and refetches whatever it may have missed meanwhile.
const processId = randomUUID().slice(0, 8)
let counter = 0

// Every open event stream listens, so there is no useful listener limit.
const changes = new EventEmitter().setMaxListeners(0)

export const dataVersion = () => `${processId}.${counter}`

export function markChanged(origin: ChangeOrigin = 'local') {
  counter++
  try {
    changes.emit('change', origin)
  }
  catch (error) {
    // The write is committed: a failing listener must not turn its response into an error.
    console.error('A data change listener failed:', error)
  }
}

/** Calls the listener after every change; returns what unsubscribes it. */
export function onDataChange(listener: (origin: ChangeOrigin) => void): () => void {
  changes.on('change', listener)
  return () => changes.off('change', listener)
}

/** How many changes this process has seen: what orders its data versions. */
export const changeCount = () => counter

/** The change count that a version of this process stands for; undefined for any other text. */
export function changeCountOf(version: string): number | undefined {
  const [prefix, count] = version.split('.')
  return prefix === processId && count !== undefined && /^\d{1,15}$/.test(count) ? Number(count) : undefined
}
