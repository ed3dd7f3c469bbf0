// A webhook receiver on a loopback port for the tests: it verifies every delivery's signature
// with the `standardwebhooks` package, as a real receiver would, and answers what the test says.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'

export interface Delivery {
  id: string
  headers: IncomingHttpHeaders
  /** The verified payload. */
  payload: { type: string, timestamp: string, data: Record<string, any> }
}

export async function startReceiver() {
  const deliveries: Delivery[] = []
  const refused: string[] = []
  let secret = ''
  let answer = (): number => 200
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString()
      try {
        const payload = new Webhook(secret).verify(body, request.headers as Record<string, string>) as Delivery['payload']
        const status = answer()
        if (status < 300) deliveries.push({ id: String(request.headers['webhook-id']), headers: request.headers, payload })
        response.writeHead(status).end()
      }
      catch (error) {
        refused.push((error as Error).message)
        response.writeHead(400).end()
      }
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    deliveries,
    refused,
    useSecret: (value: string) => (secret = value),
    /** What the receiver answers from now on, call by call. */
    answerWith: (next: () => number) => (answer = next),
    /** Resolves with the first accepted delivery that `match` picks, or rejects after `timeoutMs`. */
    async next(match: (delivery: Delivery) => boolean, timeoutMs = 15_000): Promise<Delivery> {
      for (const until = Date.now() + timeoutMs; Date.now() < until;) {
        const found = deliveries.find(match)
        if (found) return found
        await new Promise(resolve => setTimeout(resolve, 50))
      }
      throw new Error(`no matching delivery within ${timeoutMs} ms (got ${deliveries.map(d => d.payload.type).join(', ') || 'none'}; refused: ${refused.join('; ') || 'none'})`)
    },
    close: () => new Promise(resolve => server.close(resolve)),
  }
}
