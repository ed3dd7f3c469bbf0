// /api/events as a page's EventSource reads it, for the tests.
import { inject } from 'vitest'

/** Reads /api/events with fetch and hands out its events by name. */
export async function openEvents(base = inject('baseUrl'), headers: Record<string, string> = {}) {
  const abort = new AbortController()
  const response = await fetch(`${base}/api/events`, { headers, signal: abort.signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  const parse = (block: string) => Object.fromEntries(block.split('\n').map(line => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]))

  /** The data of the next event called `name`, skipping others; rejects after `timeoutMs`. */
  async function next(name: string, timeoutMs = 5000): Promise<string> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${name} event within ${timeoutMs} ms`)), timeoutMs)))
    try {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const event = parse(buffer.slice(0, end))
          buffer = buffer.slice(end + 2)
          if (event.event === name) return event.data!
          continue
        }
        const { value, done } = await Promise.race([reader.read(), timeout])
        if (done) throw new Error('the event stream ended')
        buffer += value
      }
    }
    finally {
      clearTimeout(timer)
    }
  }
  return { response, next, close: () => abort.abort() }
}
