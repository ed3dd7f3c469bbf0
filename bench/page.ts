// Page benchmark: `npm run bench:page` (after `npm run build`).
//
// Starts the built server on a fresh database and seeds the data set of bench:api through the API
// (60 components, 90 days of history), weighs the page `/` (scripts/page-weight.ts), then measures
// GET / with autocannon as a browser asks for it (accept-encoding: gzip, br):
//   - cached: the same URL every time, answered from the page cache (x-cache: hit);
//   - uncached: a different Host header every time (bench-<n>.example), so every request renders.
// Each next to a baseline: the same compressed bytes, with the same content-type and
// content-encoding, served from memory by a bare node:http server. The aim is that the cached page
// is served at no less than half the baseline's rate. Prints a table and writes
// bench/results/page.json and bench/results/page.md.
//
// Renders take long enough that a run leaves many behind (autocannon drops its connections, the
// server finishes what they asked for): before each measured run, and before the baseline, the
// app is given time to work them off (on Linux: until it is idle). Where /proc is there, the CPU
// time each server process spends per request is recorded too: on a shared machine it says more
// than requests per second, which depend on what else runs.
//
// Environment:
//   BENCH_DATABASE_URL    postgres://… to run on PostgreSQL (a fresh database is created there
//                         and dropped afterwards); unset: embedded PGlite in a temp dir
//   BENCH_SECONDS         length of each measured run (default 10)
//   BENCH_WARMUP_SECONDS  warm-up before each measured run (default 2)
//   BENCH_CONNECTIONS     concurrent connections (default 32)
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  round,
  roundAll,
  runBenchmark,
  apiClient, HISTORY_DAYS, Cleanups, envSeconds, fetchRaw, formatBytes, formatRate, loadAverage, machine, machineLine, markdownTable,
  measureServer, prepareDatabase, resetPeakMemory, residentMemory, root, seedDataSet, startAppServer, startBaselineServerWithHeaders, textTable,
  type LoadResult, type RunningServer,
} from './lib.ts'

/** What a browser sends, as far as the response depends on it. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, br' }
/** The product aim: the cached page at no less than this share of the static rate. */
const AIM = 0.5
/** Uncached requests made one at a time before the uncached run, for the time a render takes alone. */
const RENDERS_ALONE = 5
/** Renders before those: a server renders pages all day, and its first few run cold code. */
const RENDERS_WARMING = 20

const started = performance.now()
const cleanups = new Cleanups()
cleanups.onSignals()

interface PageResult {
  row: string
  path: string
  /** What the app answered to the probe before the run (the baseline serves exactly this). */
  response: { bytes: number, uncompressedBytes: number, contentType: string, contentEncoding: string, xCache: string }
  app: LoadResult
  baseline: LoadResult
  /**
   * CPU time (user + system) per request, in ms: of the app and the baseline process over their
   * measured run and the work it left behind, and of this process (the load generator) during the
   * app's run. Null where /proc is not available.
   */
  cpuMsPerRequest: { app: number | null, baseline: number | null, loadGenerator: number }
  /** Requests the app answered per second, counting those left in flight at the end (see measureServer). */
  appAnsweredPerSecond: number | null
  /**
   * The app's rate compared and shown: autocannon's for the cached page; for the uncached one
   * appAnsweredPerSecond where there is one, since a run that renders completes few pages.
   */
  appRate: { requestsPerSecond: number, source: 'autocannon' | 'answered' }
  /** appRate ÷ baseline req/s */
  ratio: number
  /** For the uncached page: ms each of a few requests took one at a time, on an otherwise idle app. */
  alone: number[] | null
  /** 1-minute load average before the app run and after the baseline run */
  loadAverage: [number, number]
}

interface PageWeight {
  url: string
  js: { kib: number, files: number, budgetKib: number }
  css: { kib: number, files: number, budgetKib: number }
  htmlKib: number
  withinBudget: boolean
  /** Each asset as scripts/page-weight.ts lists it. */
  assets: string[]
  problems: string[]
}

/** The app server, once started: its output is shown when the benchmark fails. */
let appServer: RunningServer | undefined

/** Runs scripts/page-weight.ts against `url` and reads its summary. */
async function pageWeight(url: string): Promise<PageWeight> {
  const { stdout, stderr, code } = await new Promise<{ stdout: string, stderr: string, code: number }>((resolve) => {
    execFile(process.execPath, ['scripts/page-weight.ts', url], { cwd: root }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 })
    })
  })
  const total = (label: string) => {
    const match = new RegExp(`^${label}\\s+([\\d.]+) KB gzip in (\\d+) files \\(budget ([\\d.]+) KB\\)`, 'm').exec(stdout)
    if (!match) throw new Error(`scripts/page-weight.ts printed no ${label} total (exit ${code}):\n${stdout}\n${stderr}`)
    return { kib: Number(match[1]), files: Number(match[2]), budgetKib: Number(match[3]) }
  }
  const html = /^HTML\s+([\d.]+) KB gzip/m.exec(stdout)
  return {
    url,
    js: total('JS'),
    css: total('CSS'),
    htmlKib: html ? Number(html[1]) : Number.NaN,
    withinBudget: code === 0,
    assets: stdout.split('\n').filter(line => /^(js|css)\s/.test(line)).map(line => line.replace(/\s+/g, ' ').trim()),
    problems: stderr.split('\n').map(line => line.trim()).filter(Boolean),
  }
}

const formatCpu = (ms: number | null) => ms === null ? 'n/a' : ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(2)} ms`
const cpuNote = (ms: number | null) => ms === null ? '' : `, ${formatCpu(ms)} CPU per request`

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
  // The peak while seeding (a thousand writes) apart from the peak under the page's load.
  const seedingPeak = (await residentMemory(app.process.pid!)).peak
  await resetPeakMemory(app.process.pid!)
  console.log(`seeded in ${dataSet.seconds.toFixed(1)} s (${dataSet.requests} requests): ${dataSet.components.length} components, `
    + `${dataSet.impactTypes.length} impact types, ${dataSet.incidents} incidents (${dataSet.ongoing} ongoing), `
    + `${dataSet.impacts} impacts, ${dataSet.updates} updates`)

  const weight = await pageWeight(`${app.url}/`)
  console.log(`\npage weight of /: JS ${weight.js.kib} KB gzip in ${weight.js.files} files (budget ${weight.js.budgetKib} KB), `
    + `CSS ${weight.css.kib} KB gzip in ${weight.css.files} files (budget ${weight.css.budgetKib} KB), HTML ${weight.htmlKib} KB gzip`
    + `${weight.withinBudget ? '' : ` — ${weight.problems.join('; ')}`}`)

  // Every request of the uncached row names a host of its own, so the page cache never has it (a
  // query parameter would not do: the key holds only those the page reads).
  let tick = 0
  const everNewHost = () => `bench-${tick++}.example`
  const rows = [
    { row: 'GET /', path: '/', expectCache: 'hit' },
    { row: 'GET /, uncached (Host: bench-<n>.example)', path: '/', expectCache: 'miss', nextHost: everNewHost },
  ]

  const results: PageResult[] = []
  for (const { row, path, expectCache, nextHost } of rows) {
    const url = `${app.url}${path}`
    const headers = () => nextHost ? { ...BROWSER_HEADERS, host: nextHost() } : BROWSER_HEADERS
    // A probe for what the run will get: for the cached row after a first request has filled the
    // cache, for the uncached one at a host of its own.
    if (!nextHost) await fetchRaw(url, BROWSER_HEADERS)
    const probe = await fetchRaw(url, headers())
    const header = (name: string) => String(probe.headers[name] ?? '')
    if (probe.status !== 200) throw new Error(`${row}: GET ${path} answered ${probe.status}`)
    if (!header('content-encoding')) throw new Error(`${row}: GET ${path} came uncompressed despite accept-encoding: ${BROWSER_HEADERS['accept-encoding']}`)
    if (header('x-cache') !== expectCache) throw new Error(`${row}: GET ${path} answered x-cache: ${header('x-cache') || '(none)'}, expected ${expectCache}`)
    const response = {
      bytes: probe.body.length,
      uncompressedBytes: (await fetchRaw(url, nextHost ? { host: nextHost() } : {})).body.length,
      contentType: header('content-type'),
      contentEncoding: header('content-encoding'),
      xCache: header('x-cache'),
    }

    // What one render takes when it has the app to itself, once its code is warm.
    let alone: number[] | null = null
    if (nextHost) {
      for (let i = 0; i < RENDERS_WARMING; i++) await fetchRaw(url, headers())
      alone = []
      for (let i = 0; i < RENDERS_ALONE; i++) {
        const began = performance.now()
        await fetchRaw(url, headers())
        alone.push(performance.now() - began)
      }
      alone.sort((a, b) => a - b)
    }

    const loadBefore = loadAverage()
    console.log(`\n${row}: ${formatBytes(response.bytes)} ${response.contentEncoding} (${formatBytes(response.uncompressedBytes)} uncompressed), `
      + `${response.contentType} (load average ${loadBefore})`)
    if (alone) console.log(`  alone:    ${RENDERS_ALONE} requests one at a time: median ${Math.round(median(alone))} ms (${Math.round(alone[0]!)}–${Math.round(alone.at(-1)!)} ms)`)
    console.log(`  app:      warm-up ${load.warmupSeconds} s, then ${load.seconds} s at ${load.connections} connections…`)
    const appRun = await measureServer(app, url, { ...load, nextHost, headers: BROWSER_HEADERS })
    const appResult = appRun.result
    console.log(`            ${formatRate(appResult.requestsPerSecond)} req/s, p50 ${appResult.p50} ms, p99 ${appResult.p99} ms${cpuNote(appRun.serverCpuMsPerRequest)}`)

    const baseline = await startBaselineServerWithHeaders(cleanups, probe.body, {
      'content-type': response.contentType,
      'content-encoding': response.contentEncoding,
    })
    console.log(`  baseline: same ${response.bytes} bytes from node:http…`)
    const baseRun = await measureServer(baseline, `${baseline.url}${path}`, { ...load, nextHost, headers: BROWSER_HEADERS })
    const baselineResult = baseRun.result
    await baseline.stop()
    console.log(`            ${formatRate(baselineResult.requestsPerSecond)} req/s, p50 ${baselineResult.p50} ms, p99 ${baselineResult.p99} ms${cpuNote(baseRun.serverCpuMsPerRequest)}`)

    const appRate = nextHost && appRun.answeredPerSecond !== null
      ? { requestsPerSecond: appRun.answeredPerSecond, source: 'answered' as const }
      : { requestsPerSecond: appResult.requestsPerSecond, source: 'autocannon' as const }
    if (appRate.source === 'answered') {
      console.log(`  app answered ${formatRate(appRate.requestsPerSecond)} req/s counting the ${load.connections} it finished after the run`)
    }
    const ratio = appRate.requestsPerSecond / baselineResult.requestsPerSecond
    console.log(`  app/baseline: ${(ratio * 100).toFixed(1)} %`)
    const cpuMsPerRequest = { app: appRun.serverCpuMsPerRequest, baseline: baseRun.serverCpuMsPerRequest, loadGenerator: appRun.clientCpuMsPerRequest }
    results.push({
      row, path, response, app: appResult, baseline: baselineResult, cpuMsPerRequest,
      appAnsweredPerSecond: appRun.answeredPerSecond, appRate, ratio, alone, loadAverage: [loadBefore, loadAverage()],
    })
  }

  const cached = results[0]!
  const aimMet = cached.ratio >= AIM
  const aim = `cached / at ${(cached.ratio * 100).toFixed(1)} % of the static rate: `
    + `${aimMet ? 'meets' : 'does NOT meet'} the aim of at least ${AIM * 100} %`

  const header = ['page', 'app req/s', 'app p50/p99', 'baseline req/s', 'baseline p50/p99', 'app/baseline', 'CPU/req app / baseline', 'response']
  const tableRows = results.map(r => [
    r.row,
    r.appRate.source === 'answered' ? `${formatRate(r.appRate.requestsPerSecond)} ¹` : formatRate(r.appRate.requestsPerSecond),
    r.appRate.source === 'answered' ? `${r.app.requests === 0 ? 'none' : `${r.app.p50} / ${r.app.p99} ms of ${r.app.requests}`} ¹` : `${r.app.p50} / ${r.app.p99} ms`,
    formatRate(r.baseline.requestsPerSecond),
    `${r.baseline.p50} / ${r.baseline.p99} ms`,
    `${(r.ratio * 100).toFixed(1)} %`,
    `${formatCpu(r.cpuMsPerRequest.app)} / ${formatCpu(r.cpuMsPerRequest.baseline)}`,
    `${formatBytes(r.response.bytes)} ${r.response.contentEncoding}`,
  ])
  const host = machine()
  const date = new Date().toISOString()
  const totalSeconds = (performance.now() - started) / 1000

  console.log(`\n${textTable(header, tableRows)}`)
  const answered = results.find(r => r.appRate.source === 'answered')
  const footnote = answered && `¹ Requests answered per second: the ${answered.app.requests} requests autocannon completed within the `
    + `${load.seconds} s run plus the ${load.connections} still rendering when it ended, over the time until the app had answered them too. `
    + `A run that starts ${load.connections} renders at once completes few of them within its seconds, so p50/p99 are of those few; `
    + `at ${formatRate(answered.appRate.requestsPerSecond)} renders/s, ${load.connections} waiting clients wait about `
    + `${(load.connections / answered.appRate.requestsPerSecond).toFixed(0)} s each (Little's law).${aloneNote(answered.alone)}`
  if (footnote) console.log(`\n${footnote}`)
  console.log(`\n${aim}`)
  const loads = results.flatMap(r => r.loadAverage)
  const loadRange = `${Math.min(...loads)}–${Math.max(...loads)}`
  console.log(`${database.label}; Node ${host.node}; ${host.cpus} CPUs (load average ${loadRange}); ${load.connections} connections, `
    + `${load.seconds} s per run after ${load.warmupSeconds} s warm-up; whole run ${totalSeconds.toFixed(1)} s`)

  // The issue's aim for the embedded database is 300 MB.
  const memory = { ...await residentMemory(app.process.pid!), seedingPeak }
  const memoryLine = `Resident memory of the app (${database.kind}): peak ${Math.round(memory.peak / 1e6)} MB under the page's load `
    + `(aim, embedded: ≤ 300 MB), ${Math.round(memory.now / 1e6)} MB at its end; ${Math.round(seedingPeak / 1e6)} MB while seeding before.`
  console.log(memoryLine)

  const outDir = join(root, 'bench/results')
  await mkdir(outDir, { recursive: true })
  const json = {
    benchmark: 'page',
    date,
    machine: host,
    database: { kind: database.kind, label: database.label },
    load: { ...load, requestHeaders: BROWSER_HEADERS },
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
    pageWeight: weight,
    results: results.map(r => ({
      ...r,
      app: roundAll(r.app),
      baseline: roundAll(r.baseline),
      cpuMsPerRequest: Object.fromEntries(Object.entries(r.cpuMsPerRequest).map(([key, ms]) => [key, ms === null ? null : round(ms, 3)])),
      appAnsweredPerSecond: r.appAnsweredPerSecond === null ? null : round(r.appAnsweredPerSecond),
      appRate: { ...r.appRate, requestsPerSecond: round(r.appRate.requestsPerSecond) },
      alone: r.alone && r.alone.map(ms => Math.round(ms)),
      ratio: round(r.ratio, 4),
    })),
    aim: { minimumRatio: AIM, ratio: round(cached.ratio, 4), met: aimMet },
    residentMemoryBytes: memory,
    totalSeconds: round(totalSeconds),
  }
  await writeFile(join(outDir, 'page.json'), `${JSON.stringify(json, null, 2)}\n`)
  const markdown = [
    '# Page benchmark',
    '',
    `- Date: ${date}`,
    `- ${machineLine(host)}; 1-minute load average during the runs ${loadRange} (the benchmark itself adds about 2)`,
    `- Database: ${database.label}`,
    `- Data: ${dataSet.components.length} components, ${dataSet.incidents} incidents over ${HISTORY_DAYS} days `
    + `(${dataSet.ongoing} ongoing), ${dataSet.impacts} impacts, ${dataSet.updates} updates; seeded through the API in ${dataSet.seconds.toFixed(1)} s`,
    `- Load: autocannon, ${load.connections} connections, ${load.seconds} s per run after ${load.warmupSeconds} s warm-up, `
    + `\`accept-encoding: ${BROWSER_HEADERS['accept-encoding']}\`; app and baseline each in their own process`,
    '- Uncached: every request names a new host (`Host: bench-<n>.example`), so each one renders the page (and compresses it)',
    '- Baseline: the same compressed bytes served from memory by a bare `node:http` server (content-type, content-encoding and content-length only)',
    '- CPU/req: CPU time (user + system) of the server process per request over the measured run and the work it left behind; '
    + `the load generator (autocannon, in the benchmark's process) spent ${results.map(r => `${formatCpu(r.cpuMsPerRequest.loadGenerator)} (${r.row})`).join(', ')} per request on the app runs`,
    '',
    markdownTable(header, tableRows, header.map((_, i) => i > 0)),
    '',
    ...(footnote ? [footnote, ''] : []),
    `Aim: ${aim}.`,
    '',
    memoryLine,
    '',
    `Page weight of \`/\` (scripts/page-weight.ts, gzip): JS ${weight.js.kib} KB in ${weight.js.files} files (budget ${weight.js.budgetKib} KB), `
    + `CSS ${weight.css.kib} KB in ${weight.css.files} files (budget ${weight.css.budgetKib} KB), HTML ${weight.htmlKib} KB`
    + `${weight.withinBudget ? '; within budget.' : `; ${weight.problems.join('; ')}.`}`,
    '',
  ].join('\n')
  await writeFile(join(outDir, 'page.md'), markdown)
  console.log('wrote bench/results/page.json and bench/results/page.md')
}

function aloneNote(sorted: number[] | null) {
  if (!sorted) return ''
  return ` Alone, one request at a time after ${RENDERS_WARMING} to warm up, a render took ${Math.round(median(sorted))} ms (median of ${sorted.length}, `
    + `${Math.round(sorted[0]!)}–${Math.round(sorted.at(-1)!)} ms).`
}

function median(sorted: number[]) {
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

await runBenchmark(main, { cleanups, started, appServer: () => appServer })
