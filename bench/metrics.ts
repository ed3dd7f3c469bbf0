// What the metrics cost: `npm run bench:metrics` (after `npm run build`).
//
// Starts the built server twice, each on a fresh database with the same data set: once without
// metrics (no STATUS_PAGE_METRICS_TOKEN, so no request hook) and once with them. Loads a cached
// API read, GET /api/components, on each in turn (alternating, BENCH_ROUNDS times) and compares the
// requests each server answers per second of its own CPU time (Linux /proc), which the load
// generator sharing the machine does not distort as much as requests per second. Writes
// bench/results/metrics.json and bench/results/metrics.md.
//
// Environment: BENCH_DATABASE_URL, BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONNECTIONS as for
// bench/api.ts; BENCH_ROUNDS (default 5) measured runs per server.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  apiClient, Cleanups, envSeconds, loadAverage, machine, machineLine, markdownTable, measureServer, prepareDatabase, root, round, runBenchmark,
  seedDataSet, startAppServer, textTable, type RunningServer,
} from './lib.ts'

const started = performance.now()
const cleanups = new Cleanups()
cleanups.onSignals()

let appServer: RunningServer | undefined

const PATH = '/api/components'
const metricsToken = `bench-metrics-${randomBytes(16).toString('hex')}`

async function startVariant(withMetrics: boolean, postgresUrl: string | undefined) {
  const database = await prepareDatabase(cleanups, postgresUrl)
  const adminToken = `bench-admin-${randomBytes(16).toString('hex')}`
  const env = { ...database.env, STATUS_PAGE_ADMIN_TOKEN: adminToken, ...(withMetrics && { STATUS_PAGE_METRICS_TOKEN: metricsToken }) }
  const server = await startAppServer(cleanups, { env })
  appServer = server
  await seedDataSet(apiClient(server.url, adminToken), { days: 30, incidentsPerDay: 3, ongoing: 4, concurrency: 8 })
  return { name: withMetrics ? 'with metrics' : 'without metrics', server, database, cpuMs: 0, requests: 0, rates: [] as number[] }
}

async function main() {
  const load = {
    connections: Math.round(envSeconds('BENCH_CONNECTIONS', 32)),
    seconds: envSeconds('BENCH_SECONDS', 10),
    warmupSeconds: process.env.BENCH_WARMUP_SECONDS === '0' ? 0 : envSeconds('BENCH_WARMUP_SECONDS', 2),
  }
  const rounds = Math.round(envSeconds('BENCH_ROUNDS', 5))
  if (!existsSync(join(root, '.output/server/index.mjs'))) throw new Error('No built server in .output/: run `npm run build` first.')
  const postgresUrl = process.env.BENCH_DATABASE_URL || undefined
  const variants = [await startVariant(false, postgresUrl), await startVariant(true, postgresUrl)]
  const scrape = await fetch(`${variants[1]!.server.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
  if (!scrape.ok) throw new Error(`the server with metrics answered /metrics with ${scrape.status}`)

  const loads: number[] = []
  for (let round = 1; round <= rounds; round++) {
    for (const variant of variants) {
      loads.push(loadAverage())
      const run = await measureServer(variant.server, `${variant.server.url}${PATH}`, load)
      if (run.serverCpuMsPerRequest === null) throw new Error('CPU time needs Linux /proc')
      const answered = run.result.requests + load.connections + 1
      variant.cpuMs += run.serverCpuMsPerRequest * answered
      variant.requests += answered
      variant.rates.push(run.result.requestsPerSecond)
      console.log(`round ${round}, ${variant.name}: ${Math.round(run.result.requestsPerSecond)} req/s, `
        + `${run.serverCpuMsPerRequest.toFixed(3)} ms CPU per request`)
    }
  }

  const perCpuSecond = (variant: typeof variants[number]) => variant.requests / (variant.cpuMs / 1000)
  const [without, withMetrics] = variants.map(perCpuSecond) as [number, number]
  const header = ['server', 'req per CPU-second', 'CPU per request', 'req/s (runs)']
  const rows = variants.map(variant => [
    variant.name,
    Math.round(perCpuSecond(variant)).toLocaleString('en-US'),
    `${(variant.cpuMs / variant.requests * 1000).toFixed(0)} µs`,
    variant.rates.map(rate => Math.round(rate).toLocaleString('en-US')).join(', '),
  ])
  const cost = `counting requests for the metrics costs ${((1 - withMetrics / without) * 100).toFixed(1)} % of the requests per CPU-second `
    + `(${((1000 / withMetrics - 1000 / without) * 1000).toFixed(1)} µs of CPU per request)`
  console.log(`\n${textTable(header, rows)}\n\n${cost}`)

  const host = machine()
  const date = new Date().toISOString()
  const loadRange = `${Math.min(...loads)}–${Math.max(...loads)}`
  const outDir = join(root, 'bench/results')
  await mkdir(outDir, { recursive: true })
  await writeFile(join(outDir, 'metrics.json'), `${JSON.stringify({
    benchmark: 'metrics',
    date,
    machine: host,
    database: variants[0]!.database.label,
    load: { ...load, rounds, path: PATH },
    results: variants.map(variant => ({
      server: variant.name,
      requests: variant.requests,
      cpuSeconds: round(variant.cpuMs / 1000),
      requestsPerCpuSecond: round(perCpuSecond(variant)),
      requestsPerSecond: variant.rates.map(rate => round(rate)),
    })),
    costShare: round(1 - withMetrics / without, 4),
    totalSeconds: round((performance.now() - started) / 1000),
  }, null, 2)}\n`)
  await writeFile(join(outDir, 'metrics.md'), [
    '# Metrics benchmark',
    '',
    `- Date: ${date}`,
    `- ${machineLine(host)}; 1-minute load average before the runs ${loadRange}`,
    `- Database: ${variants[0]!.database.label}, 60 components and 30 days of incidents on each server`,
    `- Load: GET ${PATH} (a cached read), autocannon, ${load.connections} connections, ${rounds} runs of ${load.seconds} s per server, `
    + `alternating, each after ${load.warmupSeconds} s warm-up; CPU time (user + system) of the server process from /proc`,
    '',
    markdownTable(header, rows, header.map((_, i) => i > 0)),
    '',
    `Here ${cost}.`,
    '',
  ].join('\n'))
  console.log('wrote bench/results/metrics.json and bench/results/metrics.md')
}

await runBenchmark(main, { cleanups, started, appServer: () => appServer })
