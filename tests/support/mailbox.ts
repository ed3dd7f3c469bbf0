// A real SMTP server (smtp-server) in the test process, and what arrives at it, parsed.
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { freePort } from './app'

/** Listens on `port`, or on a free one. */
export async function startMailbox(port?: number) {
  port ??= await freePort()
  const mails: ParsedMail[] = []
  let server: SMTPServer | undefined
  const open = () => new Promise<void>((resolve) => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          mails.push(mail)
          callback()
        }, callback)
      },
    })
    server.listen(port, '127.0.0.1', resolve)
  })
  const close = () => new Promise<void>(resolve => server ? server.close(() => resolve()) : resolve())
  await open()
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** Stops accepting connections, as a mail server that is down. */
    stop: close,
    /** Accepts again, on the same port. */
    start: open,
    close,
    /** The mails to `to` so far. */
    to: (to: string) => mails.filter(mail => (Array.isArray(mail.to) ? mail.to : [mail.to]).some(address => address?.text.includes(to))),
    /** Waits for the `n`th mail to `to` (1-based) and returns it. */
    async waitFor(to: string, n = 1, timeoutMs = 20_000) {
      for (const until = Date.now() + timeoutMs; Date.now() < until;) {
        const arrived = this.to(to)
        if (arrived.length >= n) return arrived[n - 1]!
        await new Promise(resolve => setTimeout(resolve, 50))
      }
      throw new Error(`mail ${n} to ${to} did not arrive within ${timeoutMs} ms (got ${this.to(to).length})`)
    },
  }
}
