// API benchmark: `npm run bench:api` (after `npm run build`).
//
// Starts the built server on a fresh database, seeds 90 days of history through the API, then
// measures GET /api/components and GET /api/incidents over those 90 days with autocannon, each
// next to a baseline: the same bytes served from memory by a bare node:http server. Prints a
// table and writes bench/results/api.json and bench/results/api.md.
//
// Environment:
//   BENCH_DATABASE_URL    postgres://… to run on PostgreSQL (a fresh database is created there
//                         and dropped afterwards); unset: embedded PGlite in a temp dir
//   BENCH_SECONDS         length of each measured run (default 10)
//   BENCH_WARMUP_SECONDS  warm-up before each measured run (default 2)
//   BENCH_CONNECTIONS     concurrent connections (default 32)
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  round,
  roundAll,
  runBenchmark,
  apiClient, HISTORY_DAYS, Cleanups, envSeconds, fetchBytes, formatBytes, formatRate, loadAverage, machine, machineLine, markdownTable, measureServer,
  prepareDatabase, root, seedDataSet, startAppServer, startBaselineServer, textTable, type LoadResult, type RunningServer,
} from './lib.ts'
import { DAY } from '../shared/time.ts'

const started = performance.now()
const cleanups = new Cleanups()
cleanups.onSignals()

interface EndpointResult {
  endpoint: string
  path: string
  responseBytes: number
  items: number
  app: LoadResult
  baseline: LoadResult
  /** app req/s ÷ baseline req/s */
  ratio: number
  /** Server CPU time per request (ms), app and baseline; null without /proc. */
  cpuMsPerRequest: { app: number | null, baseline: number | null }
  /** app requests per CPU-second ÷ baseline's: what the server costs, whatever the load generator takes */
  cpuRatio: number | null
  /** 1-minute load average before the app run and after the baseline run */
  loadAverage: [number, number]
}

/** The app server, once started: its output is shown when the benchmark fails. */
let appServer: RunningServer | undefined

async function main() {
  const load = {
    connections: Math.round(envSeconds('BENCH_CONNECTIONS', 32)),
    seconds: envSeconds('BENCH_SECONDS', 10),
    warmupSeconds: process.env.BENCH_WARMUP_SECONDS === '0' ? 0 : envSeconds('BENCH_WARMUP_SECONDS', 2),
  }
  if (!existsSync(join(root, '.output/server/index.mjs'))) throw new Error('No built server in .output/: run `npm run build` first.')

  const database = await prepareDatabase(cleanups, process.env.BENCH_DATABASE_URL || undefined)
  console.log(`database: ${database.label}`)
  const adminToken = `bench-admin-${randomBytes(16).toString('hex')}`
  const app = await startAppServer(cleanups, { env: { ...database.env, STATUS_PAGE_ADMIN_TOKEN: adminToken } })
  appServer = app
  console.log(`app server: ${app.url} (ready after ${((performance.now() - started) / 1000).toFixed(1)} s)`)

  const dataSet = await seedDataSet(apiClient(app.url, adminToken), { days: HISTORY_DAYS, incidentsPerDay: 3, ongoing: 4, concurrency: 8 })
  console.log(`seeded in ${dataSet.seconds.toFixed(1)} s (${dataSet.requests} requests): ${dataSet.components.length} components, `
    + `${dataSet.impactTypes.length} impact types, ${dataSet.incidents} incidents (${dataSet.ongoing} ongoing), `
    + `${dataSet.impacts} impacts, ${dataSet.updates} updates`)

  const now = new Date()
  const window = new URLSearchParams({ start: new Date(now.getTime() - HISTORY_DAYS * DAY).toISOString(), end: now.toISOString() })
  // The uncached row asks for a different `at` each time, so every request reaches the database:
  // what a burst costs when the read cache cannot help.
  let tick = 0
  const everNewAt = () => `/api/components?at=${new Date(now.getTime() + tick++).toISOString()}`
  const endpoints = [
    { endpoint: 'GET /api/components', path: '/api/components', expect: dataSet.components.length },
    { endpoint: 'GET /api/components, uncached', path: '/api/components', expect: dataSet.components.length, nextPath: everNewAt },
    { endpoint: `GET /api/incidents (${HISTORY_DAYS} days)`, path: `/api/incidents?${window}`, expect: dataSet.incidents },
  ]

  const results: EndpointResult[] = []
  for (const { endpoint, path, expect, nextPath } of endpoints) {
    const url = `${app.url}${path}`
    const { body, contentType } = await fetchBytes(url)
    const items = (JSON.parse(Buffer.from(body).toString('utf8')) as { data: unknown[] }).data.length
    if (items !== expect) throw new Error(`${endpoint} returned ${items} items, expected ${expect}`)

    const loadBefore = loadAverage()
    console.log(`\n${endpoint}: ${formatBytes(body.length)}, ${items} items (load average ${loadBefore})`)
    console.log(`  app:      warm-up ${load.warmupSeconds} s, then ${load.seconds} s at ${load.connections} connections…`)
    const appRun = await measureServer(app, url, { ...load, nextPath })
    const appResult = appRun.result
    console.log(`            ${formatRate(appResult.requestsPerSecond)} req/s, p50 ${appResult.p50} ms, p99 ${appResult.p99} ms`)

    const baseline = await startBaselineServer(cleanups, body, contentType)
    console.log(`  baseline: same ${body.length} bytes from node:http…`)
    const baselineRun = await measureServer(baseline, `${baseline.url}${path}`, load)
    const baselineResult = baselineRun.result
    await baseline.stop()
    console.log(`            ${formatRate(baselineResult.requestsPerSecond)} req/s, p50 ${baselineResult.p50} ms, p99 ${baselineResult.p99} ms`)

    results.push({
      endpoint,
      path,
      responseBytes: body.length,
      items,
      app: appResult,
      baseline: baselineResult,
      ratio: appResult.requestsPerSecond / baselineResult.requestsPerSecond,
      cpuMsPerRequest: { app: appRun.serverCpuMsPerRequest, baseline: baselineRun.serverCpuMsPerRequest },
      cpuRatio: appRun.serverCpuMsPerRequest && baselineRun.serverCpuMsPerRequest
        ? baselineRun.serverCpuMsPerRequest / appRun.serverCpuMsPerRequest
        : null,
      loadAverage: [loadBefore, loadAverage()],
    })
  }

  const header = ['endpoint', 'app req/s', 'app p50/p99', 'baseline req/s', 'baseline p50/p99', 'app/baseline', 'CPU/req app / baseline', 'per CPU-second', 'response']
  const cpu = (ms: number | null) => ms === null ? 'n/a' : `${ms.toFixed(3)} ms`
  const rows = results.map(r => [
    r.endpoint,
    formatRate(r.app.requestsPerSecond),
    `${r.app.p50} / ${r.app.p99} ms`,
    formatRate(r.baseline.requestsPerSecond),
    `${r.baseline.p50} / ${r.baseline.p99} ms`,
    `${(r.ratio * 100).toFixed(1)} %`,
    `${cpu(r.cpuMsPerRequest.app)} / ${cpu(r.cpuMsPerRequest.baseline)}`,
    r.cpuRatio === null ? 'n/a' : `${r.cpuRatio.toFixed(2)}×`,
    formatBytes(r.responseBytes),
  ])
  const host = machine()
  const date = new Date().toISOString()
  const totalSeconds = (performance.now() - started) / 1000

  console.log(`\n${textTable(header, rows)}`)
  const loads = results.flatMap(r => r.loadAverage)
  const loadRange = `${Math.min(...loads)}–${Math.max(...loads)}`
  console.log(`\n${database.label}; Node ${host.node}; ${host.cpus} CPUs (load average ${loadRange}); ${load.connections} connections, `
    + `${load.seconds} s per run after ${load.warmupSeconds} s warm-up; whole run ${totalSeconds.toFixed(1)} s`)

  const outDir = join(root, 'bench/results')
  await mkdir(outDir, { recursive: true })
  const json = {
    benchmark: 'api',
    date,
    machine: host,
    database: { kind: database.kind, label: database.label },
    load,
    dataSet: {
      days: HISTORY_DAYS,
      components: dataSet.components.length,
      impactTypes: dataSet.impactTypes.length,
      incidents: dataSet.incidents,
      ongoing: dataSet.ongoing,
      impacts: dataSet.impacts,
      updates: dataSet.updates,
      seedRequests: dataSet.requests,
      seedSeconds: round(dataSet.seconds),
    },
    results: results.map(r => ({
      ...r,
      app: roundAll(r.app),
      baseline: roundAll(r.baseline),
      ratio: round(r.ratio, 4),
      cpuRatio: r.cpuRatio === null ? null : round(r.cpuRatio, 4),
    })),
    totalSeconds: round(totalSeconds),
  }
  await writeFile(join(outDir, 'api.json'), `${JSON.stringify(json, null, 2)}\n`)
  const markdown = [
    '# API benchmark',
    '',
    `- Date: ${date}`,
    `- ${machineLine(host)}; 1-minute load average during the runs ${loadRange} (the benchmark itself adds about 2)`,
    `- Database: ${database.label}`,
    `- Data: ${dataSet.components.length} components, ${dataSet.incidents} incidents over ${HISTORY_DAYS} days `
    + `(${dataSet.ongoing} ongoing), ${dataSet.impacts} impacts, ${dataSet.updates} updates; seeded through the API in ${dataSet.seconds.toFixed(1)} s`,
    `- Load: autocannon, ${load.connections} connections, ${load.seconds} s per run after ${load.warmupSeconds} s warm-up; `
    + 'app and baseline each in their own process',
    '- Baseline: the same response bytes served from memory by a bare `node:http` server (content-type and content-length only)',
    '- Per CPU-second: the app\'s requests per CPU-second of its server process over the baseline\'s (CPU/req: user + system time per request, '
    + 'the work left behind included); the load generator shares the two cores, so this compares the servers better than requests per second',
    '',
    markdownTable(header, rows, header.map((_, i) => i > 0)),
    '',
  ].join('\n')
  await writeFile(join(outDir, 'api.md'), markdown)
  console.log('wrote bench/results/api.json and bench/results/api.md')
}

await runBenchmark(main, { cleanups, started, appServer: () => appServer })
