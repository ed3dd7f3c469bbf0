// Request bodies: counted as they arrive, so the 1 MiB limit holds for chunked bodies too and no
// body is ever buffered beyond it; and drained when a handler answers without reading them, so a
// refusal reaches a client that is still sending instead of a reset connection.
import type { IncomingMessage } from 'node:http'
import type { H3Event } from 'h3'
import { Problem } from '../problem'

export const MAX_BODY_BYTES = 1024 * 1024
// A client that trickles a small body does not hold the answer back for longer than this.
const DRAIN_TIMEOUT_MS = 5_000

const tooLarge = () => new Problem(413, 'Content Too Large', `The request body must not exceed ${MAX_BODY_BYTES} bytes.`)

const declaredLength = (req: IncomingMessage) => Number(req.headers['content-length'] ?? 0)
const hasBody = (req: IncomingMessage) => declaredLength(req) > 0 || req.headers['transfer-encoding'] !== undefined

// How long the rest of an oversized body is taken in and thrown away after the answer; then the
// connection is cut.
const DISCARD_TIMEOUT_MS = 10_000

/**
 * The rest of an oversized body is read and thrown away, not kept: closing the connection while
 * the client still sends would reset it and lose the answer on the way. A client that goes on
 * sending is cut off after a while.
 */
function giveUpOnBody(event: H3Event) {
  const req = event.node.req
  event.context.bodyAbandoned = true
  const cutOff = setTimeout(() => req.socket.destroy(), DISCARD_TIMEOUT_MS).unref()
  req.once('end', () => clearTimeout(cutOff)).once('close', () => clearTimeout(cutOff))
  req.resume()
}

/**
 * Reads the body until it ends or passes MAX_BODY_BYTES; `onOverflow` then runs and reading stops.
 * Returns the chunks read, or undefined after an overflow, an error or the time-out.
 */
function consume(req: IncomingMessage, keep: boolean, onOverflow: () => void, timeoutMs?: number): Promise<Buffer[] | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish(undefined), timeoutMs)
    function finish(result: Buffer[] | undefined) {
      clearTimeout(timer)
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onError)
      resolve(result)
    }
    function onData(chunk: Buffer) {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        onOverflow()
        return finish(undefined)
      }
      if (keep) chunks.push(chunk)
    }
    const onEnd = () => finish(chunks)
    const onError = () => finish(undefined)
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onError)
  })
}

/** The request body; 413 as soon as it passes MAX_BODY_BYTES, declared or counted. */
export async function readBodyBytes(event: H3Event): Promise<Buffer> {
  const req = event.node.req
  if (declaredLength(req) > MAX_BODY_BYTES) {
    giveUpOnBody(event)
    throw tooLarge()
  }
  let overflowed = false
  const chunks = await consume(req, true, () => {
    overflowed = true
    giveUpOnBody(event)
  })
  if (overflowed) throw tooLarge()
  if (!chunks) throw new Problem(400, 'Bad Request', 'The request body was cut off.')
  return Buffer.concat(chunks)
}

/** Reads and discards a body the handler left unread, up to MAX_BODY_BYTES; beyond, gives up on it. */
export async function discardUnreadBody(event: H3Event): Promise<void> {
  const req = event.node.req
  if (event.context.bodyAbandoned || req.readableEnded || req.destroyed || !hasBody(req)) return
  if (declaredLength(req) > MAX_BODY_BYTES) return giveUpOnBody(event)
  await consume(req, false, () => giveUpOnBody(event), DRAIN_TIMEOUT_MS)
}

declare module 'h3' {
  interface H3EventContext {
    /** The body passed the limit; the rest is thrown away as it arrives. */
    bodyAbandoned?: boolean
  }
}
