// The oldest data a cached answer may hold for a request. After a write the caches go on answering
// with the copy made before it while one request makes the next (response-cache.ts); a floor, a
// change count (changes.ts), says which writes the answer must include instead:
// - what a page reads through the API while it renders: at least what the page is rendered at;
// - a browser that was told of a change (public/page-live.js) names the version in
//   `X-Data-Version` when it refetches, and gets data at least that new;
// - a client that has just written reads its own writes: for a few seconds its address (as the
//   sign-in limits count it) gets nothing older than its last write.
import { AsyncLocalStorage } from 'node:async_hooks'
import type { H3Event } from 'h3'
import { changeCount, changeCountOf } from './changes'
import { ByteLru } from './lru'

const rendering = new AsyncLocalStorage<number>()

// Addresses that wrote lately. Only accepted writes count, and those need credentials.
const writerMemoryMs = 10_000
const writers = new ByteLru<string, number>(10_000, writerMemoryMs)

/** Runs `render` so that the cached reads it makes include at least `count` changes. */
export const withReadFloor = <T>(count: number, render: () => T | Promise<T>): Promise<T> =>
  rendering.run(count, () => Promise.resolve(render()))

/** After an accepted write: the client's own reads must include it. */
export function rememberWriter(event: H3Event) {
  writers.set(clientKey(event), changeCount(), 1)
}

/** The change count an answer to this request must include; 0 when any cached copy will do. */
export function readFloor(event: H3Event): number {
  return Math.max(rendering.getStore() ?? 0, writers.peek(clientKey(event)) ?? 0, namedVersion(event))
}

function namedVersion(event: H3Event): number {
  const named = getRequestHeader(event, 'x-data-version')
  if (!named) return 0
  // A version of another instance, or of this one before a restart: the newest there is here.
  return Math.min(changeCountOf(named) ?? changeCount(), changeCount())
}
