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

// Once the answer is out, what still arrives of a body given up on is thrown away for at most
// this long and this much; then the connection is cut. The bytes include what the kernel took in
// while the handler was answering: up to its receive buffer (tcp_rmem, 32 MiB at most by default
// on Linux), plus what the client has in flight when the answer reaches it.
const DISCARD_TIMEOUT_MS = 10_000
const DISCARD_MAX_BYTES = 64 * MAX_BODY_BYTES

/**
 * The rest of a body that is too large (or too slow) is thrown away once the answer is out, never
 * kept, and the answer ends the connection. Node closes a connection after its last answer with
 * `destroySoon()`: FIN, then the socket destroyed as soon as the answer is written. With the body
 * still arriving, the kernel then answers with a reset that can overtake the answer, and the
 * client loses it. So the close is staged (RFC 9112, 9.6): the socket is destroyed only once the
 * client has stopped sending (the body ended, or it closed), or at the limits above.
 */
function giveUpOnBody(event: H3Event) {
  const { req, res } = event.node
  const socket = req.socket
  event.context.bodyAbandoned = true
  res.setHeader('connection', 'close')
  // Until the answer is out nothing is read, so the client cannot send more than the kernel's
  // buffers hold before it arrives.
  req.pause()
  res.once('finish', () => {
    const cutOff = setTimeout(() => socket.destroy(), DISCARD_TIMEOUT_MS).unref()
    socket.once('close', () => clearTimeout(cutOff))
    let discarded = 0
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length
      if (discarded > DISCARD_MAX_BYTES) socket.destroy()
    }).resume()
  })
  const destroyWhenWritten = socket.destroySoon.bind(socket)
  socket.destroySoon = () => {
    socket.end()
    if (req.complete) destroyWhenWritten()
    else req.once('end', destroyWhenWritten)
  }
}

/**
 * Reads the body until it ends, passes MAX_BODY_BYTES or the time-out runs out. Returns the chunks
 * read (none unless `keep`), 'too large', or undefined after an error or the time-out.
 */
function consume(req: IncomingMessage, keep: boolean, timeoutMs?: number): Promise<Buffer[] | 'too large' | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish(undefined), timeoutMs)
    function finish(result: Buffer[] | 'too large' | undefined) {
      clearTimeout(timer)
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onError)
      resolve(result)
    }
    function onData(chunk: Buffer) {
      size += chunk.length
      if (size > MAX_BODY_BYTES) return finish('too large')
      if (keep) chunks.push(chunk)
    }
    const onEnd = () => finish(chunks)
    const onError = () => finish(undefined)
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onError)
  })
}

/** The request body; 413 as soon as it passes MAX_BODY_BYTES, declared or counted. */
export async function readBodyBytes(event: H3Event): Promise<Buffer> {
  const body = declaredLength(event.node.req) > MAX_BODY_BYTES ? 'too large' : await consume(event.node.req, true)
  if (body === 'too large') {
    giveUpOnBody(event)
    throw tooLarge()
  }
  if (!body) throw new Problem(400, 'Bad Request', 'The request body was cut off.')
  return Buffer.concat(body)
}

/** Reads and discards a body the handler left unread; one too large or too slow is given up on. */
export async function discardUnreadBody(event: H3Event): Promise<void> {
  const req = event.node.req
  if (event.context.bodyAbandoned || req.complete || req.destroyed || !hasBody(req)) return
  if (declaredLength(req) <= MAX_BODY_BYTES) await consume(req, false, DRAIN_TIMEOUT_MS)
  if (!req.complete && !req.destroyed) giveUpOnBody(event)
}

declare module 'h3' {
  interface H3EventContext {
    /** The body passed the limit; the rest is thrown away as it arrives. */
    bodyAbandoned?: boolean
  }
}
