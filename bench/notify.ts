// Notification benchmark: `npm run bench:notify` (after `npm run build`).
//
// How fast do people hear of a change? Starts the built server on a fresh PostgreSQL database with
// SMTP pointing at an SMTP server in this process (smtp-server) and one webhook receiver here too.
// 1. Latency: 20 incidents, one after another, each awaited at one subscriber's mailbox and at the
//    receiver: the time from the write's answer to the mail's and the webhook's arrival.
// 2. Throughput: 10,000 confirmed subscribers (inserted directly), one incident: the time until
//    every mail arrived, as mails per hour, and the server's CPU time for it.
// Writes bench/results/notify.json and .md.
//
// Environment:
//   BENCH_DATABASE_URL    the PostgreSQL server to create the database on (default: the tests')
//   BENCH_SUBSCRIBERS     subscribers for the throughput run (default 10000)
import { createServer, type Server } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import postgres from 'postgres'
import { SMTPServer } from 'smtp-server'
import {
  apiClient, Cleanups, cpuMs, freePort, loadAverage, machine, markdownTable, prepareDatabase, root, round, runBenchmark, sleep,
  startAppServer, textTable, type RunningServer,
} from './lib.ts'

const SAMPLES = 20
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000)
const ADMIN_TOKEN = 'bench-notify-admin-token-0123456789'
const started = performance.now()
const cleanups = new Cleanups()
cleanups.onSignals()
let appServer: RunningServer | undefined

/** Arrival times, by what arrived; `waitFor` resolves when `count` have arrived. */
function arrivals() {
  const times: number[] = []
  return {
    times,
    arrived: () => times.push(performance.now()),
    async waitFor(count: number, timeoutMs: number) {
      for (const end = Date.now() + timeoutMs; times.length < count;) {
        if (Date.now() > end) throw new Error(`only ${times.length} of ${count} arrived within ${timeoutMs} ms`)
        await sleep(5)
      }
      return times[count - 1]!
    },
  }
}

const listen = (server: Server | SMTPServer, port: number) => new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve))

async function main() {
  const mails = arrivals()
  const smtpPort = await freePort()
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, maxClients: 1000,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        mails.arrived()
        callback()
      })
      stream.resume()
    },
  })
  await listen(smtp, smtpPort)
  cleanups.add('stop SMTP server', () => new Promise(resolve => smtp.close(() => resolve(undefined))))

  const hooks = arrivals()
  const receiver = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      hooks.arrived()
      response.writeHead(204).end()
    })
  })
  const receiverPort = await freePort()
  await listen(receiver, receiverPort)
  cleanups.add('stop receiver', () => new Promise(resolve => receiver.close(resolve)))

  const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const database = await prepareDatabase(cleanups, postgresUrl)
  appServer = await startAppServer(cleanups, {
    env: {
      ...database.env,
      STATUS_PAGE_ADMIN_TOKEN: ADMIN_TOKEN,
      STATUS_PAGE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      STATUS_PAGE_MAIL_FROM: 'status@example.test',
      STATUS_PAGE_PUBLIC_URL: 'https://status.example.test',
      STATUS_PAGE_WEBHOOK_ALLOW_PRIVATE: 'true',
    },
  })
  const api = apiClient(appServer.url, ADMIN_TOKEN)
  const sql = postgres(database.env.DATABASE_URL!, { onnotice: () => {}, max: 2 })
  cleanups.add('close database client', () => sql.end())
  const subscribe = (count: number, prefix: string) => sql`
    insert into subscriptions (email, locale, time_zone, secret, confirmed_at)
    select ${prefix} || g || '@example.test', 'en', 'UTC', md5(random()::text) || md5(${prefix} || g), now()
    from generate_series(1, ${count}::int) g`

  const component = await api.request<{ id: string }>('POST', '/api/components', { displayName: 'Compute' })
  const type = await api.request<{ id: string }>('POST', '/api/impacttypes', { displayName: 'Outage' })
  const incident = (name: string) => api.request('POST', '/api/incidents', { displayName: name, affects: [{ reference: component.id, type: type.id, severity: 80 }] })
  await api.request('POST', '/api/webhooks', { url: `http://127.0.0.1:${receiverPort}/hook` })
  await subscribe(1, 'latency')

  console.log(`1. latency: ${SAMPLES} incidents, one subscriber, one webhook receiver`)
  const mailMs: number[] = []
  const hookMs: number[] = []
  for (let i = 1; i <= SAMPLES; i++) {
    await incident(`Latency ${i}`)
    const wrote = performance.now()
    mailMs.push(await mails.waitFor(i, 60_000) - wrote)
    hookMs.push(await hooks.waitFor(i, 60_000) - wrote)
  }
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b)
    return { median: round(sorted[Math.floor(sorted.length / 2)]!, 0), worst: round(sorted.at(-1)!, 0) }
  }
  const latency = { mail: stats(mailMs), webhook: stats(hookMs) }
  console.log(textTable(['to', 'median ms', 'worst ms'], [['mail', String(latency.mail.median), String(latency.mail.worst)], ['webhook', String(latency.webhook.median), String(latency.webhook.worst)]]))

  console.log(`2. throughput: ${SUBSCRIBERS.toLocaleString('en-US')} subscribers, one incident`)
  await sql`delete from subscriptions`
  await subscribe(SUBSCRIBERS, 'subscriber')
  const before = mails.times.length
  const cpuBefore = await cpuMs(appServer.process.pid)
  await incident('Everyone hears of this')
  const wrote = performance.now()
  const last = await mails.waitFor(before + SUBSCRIBERS, 30 * 60_000)
  const seconds = (last - wrote) / 1000
  const cpuSeconds = ((await cpuMs(appServer.process.pid)) ?? 0) / 1000 - (cpuBefore ?? 0) / 1000
  const throughput = { subscribers: SUBSCRIBERS, seconds: round(seconds, 1), mailsPerHour: Math.round(SUBSCRIBERS / seconds * 3600), serverCpuSeconds: round(cpuSeconds, 1) }
  console.log(textTable(['mails', 'seconds', 'mails per hour', 'server CPU s'], [[String(SUBSCRIBERS), String(throughput.seconds), throughput.mailsPerHour.toLocaleString('en-US'), String(throughput.serverCpuSeconds)]]))

  const results = { machine: machine(), loadAverage: loadAverage(), database: database.label, samples: SAMPLES, latency, throughput }
  const dir = join(root, 'bench/results')
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'notify.json'), `${JSON.stringify(results, null, 2)}\n`)
  await writeFile(join(dir, 'notify.md'), [
    `# bench:notify (${database.label}, load average ${results.loadAverage})`, '',
    `From a write's answer to arrival, ${SAMPLES} incidents one after another:`, '',
    markdownTable(['to', 'median', 'worst'], [['mail (SMTP server in the bench)', `${latency.mail.median} ms`, `${latency.mail.worst} ms`], ['webhook receiver', `${latency.webhook.median} ms`, `${latency.webhook.worst} ms`]], [false, true, true]), '',
    `One incident to ${SUBSCRIBERS.toLocaleString('en-US')} subscribers: every mail sent in ${throughput.seconds} s, ${throughput.mailsPerHour.toLocaleString('en-US')} mails per hour, ${throughput.serverCpuSeconds} s of server CPU.`, '',
  ].join('\n'))
}

await runBenchmark(main, { cleanups, started, appServer: () => appServer })
