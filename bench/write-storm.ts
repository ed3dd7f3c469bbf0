// Write-storm benchmark: `npm run bench:write-storm` (after `npm run build`).
//
// Do writes starve readers? Starts the built server on a fresh PostgreSQL database with the demo
// data plus components up to 42, then loads GET / as a browser asks for it (accept-encoding:
// gzip, br) with autocannon at 16 connections: once alone, once while an incident is changed
// through the API every 200 ms (a PATCH with a bearer token, as automation that updates an
// incident from its alerts would send). The writer connects from another loopback address
// (127.0.0.2): automation runs elsewhere than the readers, and a client's own reads after its
// writes always get the newest page (read your writes), which would be every reader here.
//
// Prints, for both runs: requests per second, requests per CPU-second of the server process,
// p50 and p99 latency; for the writes their count and latencies; and the ratios. The aim: with
// writes at least half the rate alone, and p99 at most twice. Writes bench/results/write-storm.json
// and .md.
//
// Environment:
//   BENCH_DATABASE_URL    the PostgreSQL server to create the database on (default: the tests'
//                         postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_SECONDS         length of each measured run (default 10)
//   BENCH_WARMUP_SECONDS  warm-up before each measured run (default 2)
//   BENCH_CONNECTIONS     concurrent connections (default 16)
//   BENCH_WRITE_MS        time between writes (default 200)
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import {
  apiClient, Cleanups, cpuMs, envSeconds, fetchRaw, formatRate, loadAverage, machine, markdownTable, measure, prepareDatabase,
  root, round, roundAll, runBenchmark, sleep, startAppServer, textTable, type LoadResult, type RunningServer,
} from './lib.ts'

const BROWSER_HEADERS = { 'accept-encoding': 'gzip, br' }
const COMPONENTS = 42
const WRITER_ADDRESS = '127.0.0.2'
/** The aims: the rate with writes at least this share of the rate alone, p99 at most this multiple. */
const AIM = { rate: 0.5, p99: 2 }

const started = performance.now()
const cleanups = new Cleanups()
cleanups.onSignals()
let appServer: RunningServer | undefined

interface WriteStats {
  count: number
  failed: number
  p50: number
  p99: number
  maxMs: number
}

interface Run {
  load: LoadResult
  /** Requests answered per CPU-second of the server process; null without /proc. */
  perCpuSecond: number | null
  writes?: WriteStats
}

const percentile = (sorted: number[], p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : Number.NaN

/** A PATCH from WRITER_ADDRESS; resolves to its status. */
function patch(url: string, token: string, body: unknown): Promise<number> {
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: 'PATCH',
      localAddress: WRITER_ADDRESS,
      headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    request.on('error', reject)
    request.end(payload)
  })
}

/** Changes the incident every `intervalMs` until stopped; the latencies of the writes. */
function startWriter(url: string, token: string, intervalMs: number): () => Promise<WriteStats> {
  const latencies: number[] = []
  let failed = 0
  let running = true
  const done = (async () => {
    let next = performance.now()
    for (let tick = 0; running; tick++) {
      const began = performance.now()
      const status = await patch(url, token, { description: `Automated update ${tick} at ${new Date().toISOString()}` }).catch(() => 0)
      latencies.push(performance.now() - began)
      if (status !== 204) failed++
      next += intervalMs
      await sleep(Math.max(0, next - performance.now()))
    }
  })()
  return async () => {
    running = false
    await done
    const sorted = [...latencies].sort((a, b) => a - b)
    return { count: latencies.length, failed, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), maxMs: sorted.at(-1) ?? Number.NaN }
  }
}

async function measureRun(server: RunningServer, url: string, options: Parameters<typeof measure>[1], writer?: () => () => Promise<WriteStats>): Promise<Run> {
  if (options.warmupSeconds > 0) await measure(url, { ...options, seconds: options.warmupSeconds, warmupSeconds: 0 })
  const stopWriter = writer?.()
  const before = await cpuMs(server.process.pid)
  const load = await measure(url, { ...options, warmupSeconds: 0 })
  const after = await cpuMs(server.process.pid)
  const writes = await stopWriter?.()
  const perCpuSecond = before === undefined || after === undefined ? null : load.requests / ((after - before) / 1000)
  return { load, perCpuSecond, ...(writes && { writes }) }
}

async function main() {
  const load = {
    connections: Math.round(envSeconds('BENCH_CONNECTIONS', 16)),
    seconds: envSeconds('BENCH_SECONDS', 10),
    warmupSeconds: process.env.BENCH_WARMUP_SECONDS === '0' ? 0 : envSeconds('BENCH_WARMUP_SECONDS', 2),
    headers: BROWSER_HEADERS,
  }
  const writeMs = envSeconds('BENCH_WRITE_MS', 200)
  if (!existsSync(join(root, '.output/server/index.mjs'))) throw new Error('No built server in .output/: run `npm run build` first.')

  const database = await prepareDatabase(cleanups, process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres')
  console.log(`database: ${database.label}`)
  const token = `bench-admin-${randomBytes(16).toString('hex')}`
  const app = await startAppServer(cleanups, { env: { ...database.env, STATUS_PAGE_ADMIN_TOKEN: token, STATUS_PAGE_DEMO: 'true' } })
  appServer = app
  const api = apiClient(app.url, token)
  const have = (await api.request<{ data: unknown[] }>('GET', '/api/components')).data.length
  for (let i = have; i < COMPONENTS; i++) {
    await api.request('POST', '/api/components', { displayName: `Extra service ${i + 1}`, labels: { region: 'de-west', az: '1' } })
  }
  const impactType = (await api.request<{ data: { id: string }[] }>('GET', '/api/impacttypes')).data[0]!.id
  const components = (await api.request<{ data: { id: string }[] }>('GET', '/api/components')).data
  const { id: incident } = await api.request<{ id: string }>('POST', '/api/incidents', {
    displayName: 'Elevated error rates (automated)',
    affects: components.slice(0, 3).map(component => ({ reference: component.id, type: impactType, severity: 66 })),
  })
  console.log(`app server: ${app.url}, ${components.length} components; the writer changes incident ${incident} every ${writeMs} ms`)

  const url = `${app.url}/`
  const probe = await fetchRaw(url, BROWSER_HEADERS)
  if (probe.status !== 200 || !probe.headers['content-encoding']) throw new Error(`GET / answered ${probe.status} ${probe.headers['content-encoding'] ?? 'uncompressed'}`)

  // What one render of / takes with the app to itself: a host of its own is a key of its own.
  const renders: number[] = []
  for (let i = 0; i < 5; i++) {
    const began = performance.now()
    const reply = await fetchRaw(url, { ...BROWSER_HEADERS, host: `render-${i}.bench.example` })
    if (reply.headers['x-cache'] !== 'miss') throw new Error(`a render probe answered x-cache: ${String(reply.headers['x-cache'])}`)
    renders.push(performance.now() - began)
  }
  const renderMs = Math.round(renders.sort((a, b) => a - b)[2]!)
  console.log(`one render of / alone: ${renderMs} ms (median of 5)`)

  const loadBefore = loadAverage()
  const alone = await measureRun(app, url, load)
  const withWrites = await measureRun(app, url, load, () => startWriter(`${app.url}/api/incidents/${incident}`, token, writeMs))
  const loadAfter = loadAverage()
  const writes = withWrites.writes!
  if (writes.failed) throw new Error(`${writes.failed} of ${writes.count} writes failed`)

  const rateRatio = withWrites.load.requestsPerSecond / alone.load.requestsPerSecond
  const cpuRatio = alone.perCpuSecond && withWrites.perCpuSecond ? withWrites.perCpuSecond / alone.perCpuSecond : null
  const p99Ratio = withWrites.load.p99 / alone.load.p99
  const met = rateRatio >= AIM.rate && p99Ratio <= AIM.p99
  const cpu = (run: Run) => run.perCpuSecond === null ? 'n/a' : formatRate(run.perCpuSecond)
  const header = ['GET / (brotli)', 'req/s', 'req per CPU-s', 'p50', 'p99', 'writes', 'write p50 / p99']
  const rows = [
    ['alone', formatRate(alone.load.requestsPerSecond), cpu(alone), `${alone.load.p50} ms`, `${alone.load.p99} ms`, '–', '–'],
    [`a write every ${writeMs} ms`, formatRate(withWrites.load.requestsPerSecond), cpu(withWrites), `${withWrites.load.p50} ms`, `${withWrites.load.p99} ms`,
      String(writes.count), `${Math.round(writes.p50)} / ${Math.round(writes.p99)} ms`],
  ]
  const summary = `with writes: ${Math.round(rateRatio * 100)} % of the rate alone`
    + `${cpuRatio === null ? '' : ` (${Math.round(cpuRatio * 100)} % per CPU-second)`}, p99 ${p99Ratio.toFixed(2)}× — `
    + `aim ≥ ${AIM.rate * 100} % and ≤ ${AIM.p99}×: ${met ? 'met' : 'NOT met'}`
  console.log(`\n${textTable(header, rows)}\n\n${summary}\n(1-minute load average ${loadBefore} before, ${loadAfter} after)`)

  const results = join(root, 'bench/results')
  await mkdir(results, { recursive: true })
  const details = { machine: machine(), database: database.label, components: components.length, load, writeMs, renderMs, alone: { ...alone, load: roundAll(alone.load) },
    withWrites: { ...withWrites, load: roundAll(withWrites.load) }, rateRatio: round(rateRatio, 3), cpuRatio: cpuRatio === null ? null : round(cpuRatio, 3),
    p99Ratio: round(p99Ratio, 3), met, loadAverage: [loadBefore, loadAfter], at: new Date().toISOString() }
  await writeFile(join(results, 'write-storm.json'), `${JSON.stringify(details, null, 2)}\n`)
  await writeFile(join(results, 'write-storm.md'), `# Write storm\n\n${database.label}, ${components.length} components, `
  + `${load.connections} connections, ${load.seconds} s per run, ${details.machine.cpus} CPUs (${details.machine.cpuModel}), Node ${details.machine.node}; `
  + `one render of / alone ${renderMs} ms.\n\n`
  + `${markdownTable(header, rows, [false, true, true, true, true, true, true])}\n\n${summary}.\n`)
}

void runBenchmark(main, { cleanups, started, appServer: () => appServer })
