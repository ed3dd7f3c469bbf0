// Soak benchmark: `npm run bench:soak` (after `npm run build`).
//
// Whether memory stays bounded under a long mixed load and comes back once it ends. Starts the
// built server on PostgreSQL (or the embedded database) with the data set of bench:page, then for
// BENCH_SECONDS (default 120):
//   - autocannon reads `/` and `/api/components` in turn on 16 connections,
//   - a write every 200 ms (an incident opened, then resolved, alternately),
//   - 50 event streams (`/api/events`), each closed and opened again every 2 s;
// then nothing for 30 s. Samples the app's resident memory (RSS) every second and prints it over
// time with the requests per second; writes bench/results/soak.json and bench/results/soak.md.
//
// Environment:
//   BENCH_DATABASE_URL  postgres://… (default postgres://postgres@127.0.0.1:5432/postgres);
//                       `embedded` for PGlite in a temp dir
//   BENCH_SECONDS       length of the load (default 120)
//   BENCH_STREAMS       event streams (default 50)
//   BENCH_WRITE_MS      time between writes (default 200; 0: no writes)
import { randomBytes } from 'node:crypto'
import { request as httpRequest, type ClientRequest } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  apiClient, autocannon, Cleanups, envSeconds, HISTORY_DAYS, loadAverage, machine, machineLine, markdownTable, prepareDatabase, residentMemory, root,
  runBenchmark, seedDataSet, sleep, startAppServer, type RunningServer,
} from './lib.ts'

const STREAMS = Number(process.env.BENCH_STREAMS ?? 50)
const STREAM_LIFE_MS = 2000
const WRITE_EVERY_MS = Number(process.env.BENCH_WRITE_MS ?? 200)
const IDLE_SECONDS = 30
/** The aims: at most this under load, and back within 20 % of the start once idle. */
const AIM_LOAD_BYTES = 300e6
const AIM_BACK_RATIO = 1.2

const started = performance.now()
const cleanups = new Cleanups()
cleanups.onSignals()
let appServer: RunningServer | undefined

interface Sample { second: number, phase: 'start' | 'load' | 'idle', rssBytes: number, requestsPerSecond: number }

/** Keeps `count` event streams open, each replaced by a new one every `lifeMs`, until stopped. */
function eventStreams(url: string, count: number, lifeMs: number) {
  let running = true
  const open = new Set<ClientRequest>()
  const connect = () => {
    if (!running) return
    const req = httpRequest(`${url}/api/events`, { agent: false })
    open.add(req)
    req.on('response', response => response.resume())
    req.on('error', () => {})
    req.on('close', () => open.delete(req))
    setTimeout(() => {
      req.destroy()
      connect()
    }, lifeMs * (0.5 + Math.random()))
    req.end()
  }
  for (let i = 0; i < count; i++) connect()
  return () => {
    running = false
    for (const req of open) req.destroy()
  }
}

async function main() {
  const seconds = envSeconds('BENCH_SECONDS', 120)
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const database = await prepareDatabase(cleanups, databaseUrl === 'embedded' ? undefined : databaseUrl)
  const adminToken = `bench-admin-${randomBytes(16).toString('hex')}`
  const app = await startAppServer(cleanups, { env: { ...database.env, STATUS_PAGE_ADMIN_TOKEN: adminToken } })
  appServer = app
  const api = apiClient(app.url, adminToken)
  const dataSet = await seedDataSet(api, { days: HISTORY_DAYS, incidentsPerDay: 3, ongoing: 4, concurrency: 8, severities: false })
  console.log(`${database.label}; seeded ${dataSet.components.length} components, ${dataSet.incidents} incidents in ${dataSet.seconds.toFixed(1)} s`)
  await sleep(5000)

  const pid = app.process.pid!
  const samples: Sample[] = []
  let answered = 0
  let phase: Sample['phase'] = 'start'
  let second = 0
  let lastAnswered = 0
  const sampler = setInterval(async () => {
    const rssBytes = (await residentMemory(pid)).now
    samples.push({ second: second++, phase, rssBytes, requestsPerSecond: answered - lastAnswered })
    lastAnswered = answered
  }, 1000)
  cleanups.add('stop sampling', async () => clearInterval(sampler))
  await sleep(3000)

  // The load: reads, writes, event streams.
  phase = 'load'
  const stopStreams = eventStreams(app.url, STREAMS, STREAM_LIFE_MS)
  let writing = true
  const writes = (async () => {
    const type = dataSet.impactTypes[0]!
    let open: string | undefined
    let count = 0
    while (writing && WRITE_EVERY_MS > 0) {
      const component = dataSet.components[count++ % dataSet.components.length]!
      if (open) {
        await api.request('PATCH', `/api/incidents/${open}`, { endedAt: new Date().toISOString() })
        open = undefined
      }
      else {
        const created = await api.request<{ id: string }>('POST', '/api/incidents', {
          displayName: `Soak ${count}`, beganAt: new Date().toISOString(), affects: [{ reference: component, type, severity: 50 }],
        })
        open = created.id
      }
      await sleep(WRITE_EVERY_MS)
    }
    return count
  })()
  const reads = autocannon({
    url: app.url,
    connections: 16,
    duration: seconds,
    requests: [{ path: '/' }, { path: '/api/components' }],
    headers: { 'accept-encoding': 'gzip, br' },
    setupClient: (client: { on: (event: string, listener: () => void) => void }) => client.on('response', () => answered++),
  })
  const result = await reads
  writing = false
  const writeCount = await writes
  stopStreams()
  phase = 'idle'
  await sleep(IDLE_SECONDS * 1000)
  clearInterval(sampler)

  const mb = (bytes: number) => Math.round(bytes / 1e6)
  const atStart = samples.filter(s => s.phase === 'start').at(-1)!.rssBytes
  const underLoad = samples.filter(s => s.phase === 'load')
  const peak = Math.max(...underLoad.map(s => s.rssBytes))
  const idle = samples.filter(s => s.phase === 'idle')
  const end = idle.at(-1)!.rssBytes
  const errors = result.errors + result.timeouts + result.non2xx
  const summary = [
    `RSS at start ${mb(atStart)} MB; under load peak ${mb(peak)} MB (aim ≤ ${mb(AIM_LOAD_BYTES)} MB: ${peak <= AIM_LOAD_BYTES ? 'met' : 'NOT met'}); `
    + `${IDLE_SECONDS} s after the load ${mb(end)} MB, ${(end / atStart).toFixed(2)}× the start (aim ≤ ${AIM_BACK_RATIO}×: ${end <= atStart * AIM_BACK_RATIO ? 'met' : 'NOT met'})`,
    `reads: ${Math.round(result.requests.total / result.duration)} requests/s (${errors} errors, timeouts or non-2xx); writes: ${writeCount}; `
    + `event streams: ${STREAMS}, each replaced every ${STREAM_LIFE_MS / 1000} s on average`,
  ]
  console.log(summary.join('\n'))

  // Every fifth second, so the table stays readable.
  const rows = samples.filter(s => s.second % 5 === 0).map(s => [String(s.second), s.phase, String(mb(s.rssBytes)), String(s.requestsPerSecond)])
  const info = machine()
  const markdown = [
    '# Soak benchmark',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- ${machineLine(info)}; 1-minute load average at the end ${loadAverage()}`,
    `- Database: ${database.label}; data: ${dataSet.components.length} components, ${dataSet.incidents} incidents over ${HISTORY_DAYS} days`,
    `- Load for ${seconds} s: autocannon reading \`/\` and \`/api/components\` in turn on 16 connections, a write every ${WRITE_EVERY_MS} ms, `
    + `${STREAMS} event streams each replaced every ${STREAM_LIFE_MS / 1000} s on average; then ${IDLE_SECONDS} s idle`,
    '',
    ...summary.map(line => `${line}.`),
    '',
    markdownTable(['second', 'phase', 'RSS (MB)', 'reads/s'], rows, [true, false, true, true]),
    '',
  ].join('\n')
  await mkdir(join(root, 'bench/results'), { recursive: true })
  await writeFile(join(root, 'bench/results/soak.json'), `${JSON.stringify({ date: new Date().toISOString(), machine: info, database: database.label, seconds, writes: writeCount, reads: result.requests.total, errors, samples }, null, 2)}\n`)
  await writeFile(join(root, 'bench/results/soak.md'), markdown)
  console.log('wrote bench/results/soak.json and bench/results/soak.md')
}

await runBenchmark(main, { cleanups, started, appServer: () => appServer })
