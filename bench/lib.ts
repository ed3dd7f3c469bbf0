// Building blocks for the benchmarks: a database to run on, the built server in a child process,
// a data set written through the API, autocannon runs, a bare node:http baseline, and tables.
// Run by Node's own TypeScript stripping, so: relative imports with `.ts`, plain type syntax only.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { get as httpGet, type IncomingHttpHeaders } from 'node:http'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { DAY, MINUTE } from '../shared/time.ts'

export const root = new URL('../', import.meta.url).pathname
const require = createRequire(import.meta.url)

// ---------------------------------------------------------------------------------------------
// Cleanup: everything started registers how to stop it; run() undoes all of it, newest first.

export class Cleanups {
  private steps: { name: string, run: () => Promise<unknown> }[] = []

  add(name: string, run: () => Promise<unknown>) {
    this.steps.push({ name, run })
  }

  async run() {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run()
      }
      catch (error) {
        console.error(`cleanup "${step.name}" failed:`, error)
      }
    }
  }

  /** On Ctrl-C or SIGTERM: clean up, then exit with 128 + the signal's number. */
  onSignals() {
    const handler = (signal: NodeJS.Signals) => {
      console.error(`\n${signal}: stopping everything the benchmark started`)
      void this.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
    }
    process.once('SIGINT', handler)
    process.once('SIGTERM', handler)
  }
}

// ---------------------------------------------------------------------------------------------
// Small utilities.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Seconds from an environment variable, or the fallback. */
export function envSeconds(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, got "${raw}"`)
  return value
}

/** A small deterministic PRNG (mulberry32), so every run seeds the same shape of data. */
export function randomFrom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6D2B79F5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** `count` distinct items, in random order. */
    sample: <T>(items: readonly T[], count: number): T[] => {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy.slice(0, count)
    },
  }
}

/** Runs `task` over `items` with at most `limit` in flight; fails fast on the first error. */
export async function inPool<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0
  let failed = false
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++
      try {
        await task(items[index]!, index)
      }
      catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

export function machine() {
  return { node: process.version, serverCommand, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', platform: `${process.platform}-${process.arch}` }
}

/** The machine and the server's command line, as the results' first lines name them. */
export function machineLine(host = machine()) {
  return `Node ${host.node} (the server run as \`npm start\` runs it: \`${host.serverCommand}\`) on ${host.platform}, ${host.cpus} CPUs (${host.cpuModel})`
}

/** The 1-minute load average: on a shared machine, a hint of how much else was running. */
export const loadAverage = () => Math.round(loadavg()[0]! * 100) / 100

// ---------------------------------------------------------------------------------------------
// Database: embedded PGlite in a temporary directory, or a fresh PostgreSQL database.

export interface BenchDatabase {
  kind: 'pglite' | 'postgres'
  /** What to add to the server's environment. */
  env: Record<string, string>
  /** Human-readable, without credentials. */
  label: string
}

/**
 * With `postgresUrl` (postgres://…): creates a fresh database next to the one named in it and
 * drops it on cleanup. Without: PGlite on disk in a temporary directory, removed on cleanup.
 */
export async function prepareDatabase(cleanups: Cleanups, postgresUrl?: string): Promise<BenchDatabase> {
  if (postgresUrl) {
    if (!/^postgres(ql)?:\/\//.test(postgresUrl)) throw new Error('BENCH_DATABASE_URL must be a postgres:// URL')
    const { default: postgres } = await import('postgres')
    const admin = postgres(postgresUrl, { onnotice: () => {}, max: 1 })
    const name = `status_page_bench_${process.pid}_${Date.now()}`
    await admin.unsafe(`create database ${name}`)
    cleanups.add(`drop database ${name}`, async () => {
      try {
        await admin.unsafe(`drop database if exists ${name} with (force)`)
      }
      finally {
        await admin.end()
      }
    })
    const url = new URL(postgresUrl)
    url.pathname = `/${name}`
    const version = String((await admin.unsafe('show server_version'))[0]?.server_version ?? '').split(' ')[0]
    const label = `PostgreSQL ${version} at ${url.host} (fresh database)`
    return { kind: 'postgres', env: { DATABASE_URL: url.toString() }, label }
  }
  const dir = await mkdtemp(join(tmpdir(), 'status-page-bench-'))
  cleanups.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }))
  return { kind: 'pglite', env: { STATUS_PAGE_DATA_DIR: dir }, label: 'PGlite (embedded, on disk in a temp dir)' }
}

// ---------------------------------------------------------------------------------------------
// Child processes: the built app, and the baseline server.

export interface RunningServer {
  url: string
  process: ChildProcess
  /** Everything it printed so far. */
  output: () => string
  stop: () => Promise<void>
}

export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

// How `npm start` runs the server, `NAME=value … node --flag … .output/server/index.mjs` (README,
// "Start-up and memory"): the benchmarks measure what operators run.
const serverCommand: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start
const startWords = serverCommand.split(' ')
export const serverFlags = startWords.filter(word => word.startsWith('--'))
const serverVariables = Object.fromEntries(startWords.filter(word => /^[A-Z_]+=/.test(word)).map(word => word.split('=', 2)))

export function spawnLogged(args: string[], env: NodeJS.ProcessEnv) {
  let output = ''
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk))
  return { child, output: () => output }
}

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`)
    }
    if (await fetch(url).then(r => r.ok, () => false)) return
    await sleep(100)
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms:\n${output()}`)
}

export interface AppServerOptions {
  /** Added to the environment (after the defaults below, so it may override them). */
  env?: Record<string, string>
  /** Defaults to a free port. */
  port?: number
  readyTimeoutMs?: number
}

/** The built server's environment: only `env` decides the database (see startAppServer). */
export function appEnvironment(port: number, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env, ...serverVariables, STATUS_PAGE_DEMO: 'false', NODE_ENV: 'production' }
  delete result.DATABASE_URL
  delete result.STATUS_PAGE_PROVISIONING_FILE
  return Object.assign(result, env, { HOST: '127.0.0.1', PORT: String(port) })
}

/** Resident memory of a process now and at its peak (VmRSS, VmHWM), in bytes; Linux only. */
export async function residentMemory(pid: number): Promise<{ now: number, peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024
  return { now: kib('VmRSS'), peak: kib('VmHWM') }
}

/** Starts a new peak (VmHWM) for the process: Linux's `clear_refs` (5: reset the peak). */
export const resetPeakMemory = (pid: number) => writeFile(`/proc/${pid}/clear_refs`, '5')

/**
 * Starts the built server (.output/server/index.mjs) in a child process on 127.0.0.1 and waits
 * until /readyz answers 200. Demo data is off; the provisioning file and DATABASE_URL of the
 * calling shell are not passed on, so only `env` decides the database.
 */
export async function startAppServer(cleanups: Cleanups, options: AppServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? await freePort()
  const env = appEnvironment(port, options.env)
  const { child, output } = spawnLogged([...serverFlags, '.output/server/index.mjs'], env)
  const stop = () => stopChild(child)
  cleanups.add('stop app server', stop)
  const url = `http://127.0.0.1:${port}`
  await waitFor(`${url}/readyz`, child, output, options.readyTimeoutMs ?? 60_000)
  return { url, process: child, output, stop }
}

/**
 * The baseline: `body` served from memory by a bare node:http server (bench/static-server.ts)
 * in its own process, for every GET, with only content-type and content-length set.
 */
export async function startBaselineServer(cleanups: Cleanups, body: Uint8Array, contentType: string): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), 'status-page-baseline-'))
  cleanups.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }))
  const file = join(dir, 'body')
  await writeFile(file, body)
  const port = await freePort()
  const { child, output } = spawnLogged(['bench/static-server.ts', String(port), file, contentType], { ...process.env, NODE_ENV: 'production' })
  const stop = () => stopChild(child)
  cleanups.add('stop baseline server', stop)
  const url = `http://127.0.0.1:${port}`
  await waitFor(url, child, output, 10_000)
  return { url, process: child, output, stop }
}

/**
 * Like startBaselineServer, but answers with exactly `headers` (plus content-length): for a body
 * that needs more than a content-type, such as a compressed page and its content-encoding. The
 * same few lines as bench/static-server.ts, with the headers passed in as JSON.
 */
export async function startBaselineServerWithHeaders(cleanups: Cleanups, body: Uint8Array, headers: Record<string, string>): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), 'status-page-baseline-'))
  cleanups.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }))
  const file = join(dir, 'body')
  await writeFile(file, body)
  const port = await freePort()
  const source = `
    import { readFileSync } from 'node:fs'
    import { createServer } from 'node:http'
    const [port, file, headersJson] = process.argv.slice(1)
    const body = readFileSync(file)
    const headers = { ...JSON.parse(headersJson), 'content-length': String(body.length) }
    const server = createServer((request, response) => {
      request.resume()
      response.writeHead(200, headers)
      response.end(body)
    })
    server.listen(Number(port), '127.0.0.1', () => console.log('baseline serving ' + body.length + ' bytes on port ' + port))
    for (const signal of ['SIGTERM', 'SIGINT']) {
      process.once(signal, () => {
        server.close(() => process.exit(0))
        server.closeAllConnections()
      })
    }
  `
  const args = ['--input-type=module', '--eval', source, String(port), file, JSON.stringify(headers)]
  const { child, output } = spawnLogged(args, { ...process.env, NODE_ENV: 'production' })
  const stop = () => stopChild(child)
  cleanups.add('stop baseline server', stop)
  const url = `http://127.0.0.1:${port}`
  await waitFor(url, child, output, 10_000)
  return { url, process: child, output, stop }
}

// ---------------------------------------------------------------------------------------------
// Talking to the API.

export interface ApiClient {
  baseUrl: string
  request: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>
  /** Number of requests made so far. */
  count: () => number
}

export function apiClient(baseUrl: string, token?: string): ApiClient {
  let requests = 0
  return {
    baseUrl,
    count: () => requests,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      requests++
      const headers: Record<string, string> = { accept: 'application/json' }
      if (token) headers.authorization = `Bearer ${token}`
      if (body !== undefined) headers['content-type'] = 'application/json'
      const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
      const text = await response.text()
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`)
      return (text ? JSON.parse(text) : undefined) as T
    },
  }
}

/** One GET, as the load generator will see it: the exact bytes and the content type. */
export async function fetchBytes(url: string): Promise<{ body: Uint8Array, contentType: string, status: number }> {
  const response = await fetch(url)
  const body = new Uint8Array(await response.arrayBuffer())
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${Buffer.from(body).toString('utf8').slice(0, 500)}`)
  return { body, contentType: response.headers.get('content-type') ?? 'application/octet-stream', status: response.status }
}

/**
 * One GET with the given request headers, as it comes over the wire: unlike fetch(), the body is
 * not decompressed, so a gzip or brotli response comes back as the bytes the server sent.
 */
export function fetchRaw(url: string, headers: Record<string, string> = {}): Promise<{ body: Uint8Array, headers: IncomingHttpHeaders, status: number }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', reject)
      response.on('end', () => resolve({ body: new Uint8Array(Buffer.concat(chunks)), headers: response.headers, status: response.statusCode ?? 0 }))
    }).on('error', reject)
  })
}

// ---------------------------------------------------------------------------------------------
// The data set, written through the API as a client would.

export const SCS_SEVERITIES = [
  { displayName: 'maintenance', value: 0 },
  { displayName: 'operational', value: 33 },
  { displayName: 'limited', value: 66 },
  { displayName: 'broken', value: 100 },
] as const

export const PHASES = ['Scheduled', 'Investigation ongoing', 'Working on it', 'Potential fix deployed', 'Done']
const IMPACT_TYPES = ['Performance Degradation', 'Connectivity Problems', 'Unknown']
const REGIONS = ['de-west', 'de-east', 'de-north']
const ZONES = ['1', '2']
const SERVICES = ['Compute', 'Block Storage', 'Object Storage', 'Load Balancer', 'Network', 'DNS', 'Identity', 'Kubernetes', 'Database', 'Image Service']
const TITLES = ['Slow volume attachments', 'Packet loss between zones', 'Instances fail to start', 'Elevated API latency', 'Login errors', 'DNS resolution delays', 'Planned maintenance', 'Degraded throughput']
const UPDATE_TITLES = ['Investigating', 'Identified', 'Fix deployed', 'Monitoring', 'Resolved']

export interface DataSetOptions {
  /** Days of history, ending now. */
  days: number
  /** Incidents per day on average (each day gets this ±1). */
  incidentsPerDay: number
  /** Incidents in the last day that are still going on. */
  ongoing: number
  /** Requests in flight while seeding. */
  concurrency: number
  now?: Date
  seed?: number
  /** Whether to post the SCS default severities (default true); false where the database has some, e.g. the demo's. */
  severities?: boolean
}

export interface DataSet {
  now: Date
  components: string[]
  impactTypes: string[]
  incidents: number
  ongoing: number
  updates: number
  impacts: number
  requests: number
  seconds: number
}

/** Days of incidents in the benchmark data set: as many as the page's history bars show. */
export const HISTORY_DAYS = 90

/**
 * The SCS default severities, one phase list, 3 impact types, 60 components labelled with region
 * and az (3 regions × 2 zones × 10 services), and `days` of incidents, each affecting 1–3
 * components and carrying 2–3 updates; the newest `ongoing` have no end.
 */
export async function seedDataSet(api: ApiClient, options: DataSetOptions): Promise<DataSet> {
  const started = performance.now()
  const firstRequest = api.count()
  const now = options.now ?? new Date()
  const random = randomFrom(options.seed ?? 20240611)

  if (options.severities !== false) {
    for (const severity of SCS_SEVERITIES) await api.request('POST', '/api/severities', severity)
  }
  const { generation } = await api.request<{ generation: number }>('POST', '/api/phases', { phases: PHASES })
  const impactTypes: string[] = []
  for (const displayName of IMPACT_TYPES) {
    impactTypes.push((await api.request<{ id: string }>('POST', '/api/impacttypes', { displayName, description: `${displayName} of a service.` })).id)
  }

  const componentSpecs = REGIONS.flatMap(region => ZONES.flatMap(az => SERVICES.map(service => ({
    displayName: `${service} ${region}-${az}`,
    labels: { region, az },
  }))))
  const components: string[] = Array.from({ length: componentSpecs.length })
  await inPool(componentSpecs, options.concurrency, async (spec, i) => {
    components[i] = (await api.request<{ id: string }>('POST', '/api/components', spec)).id
  })

  // Plan every incident first (deterministically), then write them concurrently.
  interface Planned { incident: Record<string, unknown>, updates: { displayName: string, description: string, createdAt: string }[] }
  const planned: Planned[] = []
  for (let day = options.days - 1; day >= 0; day--) {
    const dayStart = now.getTime() - (day + 1) * DAY
    const count = Math.max(0, options.incidentsPerDay + random.int(-1, 1))
    const begins = Array.from({ length: count }, () => dayStart + random.int(0, DAY - 30 * MINUTE)).sort((a, b) => a - b)
    for (const beganAt of begins) {
      const maintenance = random.next() < 0.1
      const affected = random.sample(components, random.int(1, 3))
      const type = random.pick(impactTypes)
      const affects = affected.map(reference => ({ reference, type, severity: maintenance ? 0 : random.pick([33, 50, 66, 80, 100]) }))
      const endedAt = Math.min(beganAt + random.int(15, 360) * MINUTE, now.getTime())
      const title = maintenance ? 'Planned maintenance' : random.pick(TITLES.filter(t => t !== 'Planned maintenance'))
      const updateCount = random.int(2, 3)
      const updates = Array.from({ length: updateCount }, (_, i) => ({
        displayName: i === updateCount - 1 ? 'Resolved' : UPDATE_TITLES[i]!,
        description: `${UPDATE_TITLES[i]} — ${title.toLowerCase()} on ${affected.length} component(s).`,
        createdAt: new Date(beganAt + Math.round(((i + 1) / updateCount) * (endedAt - beganAt))).toISOString(),
      }))
      planned.push({
        incident: {
          displayName: title,
          description: `${title}: ${random.pick(['we are looking into it', 'a fix is being rolled out', 'some requests fail', 'latency is elevated'])}.`,
          beganAt: new Date(beganAt).toISOString(),
          endedAt: new Date(endedAt).toISOString(),
          phase: { generation, order: PHASES.length - 1 },
          affects,
        },
        updates,
      })
    }
  }
  // The newest few are still going on: no end, a phase before "Done", updates so far, no maintenance.
  const ongoing = Math.min(options.ongoing, planned.length)
  for (const item of planned.slice(planned.length - ongoing)) {
    const beganAt = Date.parse(item.incident.beganAt as string)
    item.incident.endedAt = null
    item.incident.phase = { generation, order: random.int(1, 3) }
    item.incident.affects = (item.incident.affects as { severity: number }[]).map(a => ({ ...a, severity: a.severity || 66 }))
    item.updates = item.updates.slice(0, -1).map((update, i) => ({
      ...update,
      createdAt: new Date(beganAt + (i + 1) * Math.max(1, (now.getTime() - beganAt) / (item.updates.length + 1))).toISOString(),
    }))
    if (item.updates.length === 0) item.updates.push({ displayName: 'Investigating', description: 'We are looking into it.', createdAt: new Date(beganAt).toISOString() })
  }

  let updates = 0
  let impacts = 0
  await inPool(planned, options.concurrency, async ({ incident, updates: posts }) => {
    const { id } = await api.request<{ id: string }>('POST', '/api/incidents', incident)
    impacts += (incident.affects as unknown[]).length
    // One after the other: their order follows the order of posting.
    for (const update of posts) {
      await api.request('POST', `/api/incidents/${id}/updates`, update)
      updates++
    }
  })

  return {
    now,
    components,
    impactTypes,
    incidents: planned.length,
    ongoing,
    updates,
    impacts,
    requests: api.count() - firstRequest,
    seconds: (performance.now() - started) / 1000,
  }
}

// ---------------------------------------------------------------------------------------------
// Load: autocannon, programmatic API.

interface AutocannonResult {
  duration: number
  errors: number
  timeouts: number
  non2xx: number
  latency: { p50: number, p90: number, p99: number, average: number, max: number }
  requests: { average: number, total: number, sent: number }
  throughput: { average: number, total: number }
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>
export const autocannon = require('autocannon') as Autocannon

export interface LoadOptions {
  connections: number
  seconds: number
  warmupSeconds: number
  /** A new path for every request, for runs that must miss the server's caches. */
  nextPath?: () => string
  /** A new Host header for every request: for pages, whose key ignores unknown query parameters. */
  nextHost?: () => string
  /** Request headers for every request (e.g. accept-encoding, as a browser sends it). */
  headers?: Record<string, string>
}

export interface LoadResult {
  /** Completed requests per second over the measured run. */
  requestsPerSecond: number
  p50: number
  p90: number
  p99: number
  averageMs: number
  maxMs: number
  requests: number
  seconds: number
  bytesPerSecond: number
}

/**
 * Waits until the server has worked off what a finished run left behind. autocannon drops its
 * connections with requests still in flight, and the server answers them anyway; a saturated
 * server also accepts new connections only slowly. Starting the next run at once would measure
 * that backlog (and starve the new run's first connections for seconds), so: one request, which
 * queues up behind the backlog, then a short pause.
 */
async function settle(url: string) {
  await fetch(url, { signal: AbortSignal.timeout(60_000) }).then(response => response.arrayBuffer(), () => undefined)
  await sleep(250)
}

/**
 * A warm-up run, then the measured run, both at `connections` concurrent connections (no
 * pipelining), each followed by settling. Any error, timeout or non-2xx answer fails it: a
 * benchmark of errors means nothing.
 */
export async function measure(url: string, options: LoadOptions): Promise<LoadResult> {
  const run = async (seconds: number) => {
    const { nextPath, nextHost } = options
    const requests = (nextPath || nextHost) && [{
      setupRequest: (request: { headers?: Record<string, string> }) => ({
        ...request,
        ...(nextPath && { path: nextPath() }),
        ...(nextHost && { headers: { ...request.headers, host: nextHost() } }),
      }),
    }]
    const result = await autocannon({ url, connections: options.connections, duration: seconds, pipelining: 1, timeout: 30, requests, ...(options.headers && { headers: options.headers }) })
    if (result.errors || result.timeouts || result.non2xx) {
      throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers in ${result.requests.total} requests`)
    }
    await settle(url)
    return result
  }
  if (options.warmupSeconds > 0) await run(options.warmupSeconds)
  const result = await run(options.seconds)
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    averageMs: result.latency.average,
    maxMs: result.latency.max,
    requests: result.requests.total,
    seconds: result.duration,
    bytesPerSecond: result.throughput.total / result.duration,
  }
}

// Linux reports CPU time in clock ticks of 1/100 s (USER_HZ, 100 on every common architecture).
const TICKS_PER_SECOND = 100

/** CPU time (user + system) the process has used so far, in ms; undefined without /proc. */
export async function cpuMs(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    // After "pid (name) ", utime and stime are the 12th and 13th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 1000 / TICKS_PER_SECOND
  }
  catch {
    return undefined
  }
}

/**
 * Waits until the server has finished what the last run left behind: until it uses less than a
 * tenth of a core over half a second (at most two minutes). Returns about when it became idle
 * (performance.now(), to half a second), or undefined without /proc (then: a fixed pause).
 */
export async function waitUntilIdle(server: RunningServer): Promise<number | undefined> {
  const deadline = Date.now() + 120_000
  let before = await cpuMs(server.process.pid)
  let since = performance.now()
  if (before === undefined) return sleep(2000).then(() => undefined)
  while (Date.now() < deadline) {
    await sleep(500)
    const now = await cpuMs(server.process.pid)
    if (now === undefined) return undefined
    if (now - before < 50) return since
    before = now
    since = performance.now()
  }
  console.warn('  (the server was still busy after two minutes; going on anyway)')
  return undefined
}

/**
 * measure(), with its warm-up run done here so that the server can work off what the warm-up left
 * behind before the measured run starts, and with what the server did for the run as a whole:
 * the run ends with a request in flight on every connection (and measure() sends one more to
 * settle), which the server still answers. Counting those, over the time until it was done:
 *   - CPU time per request;
 *   - requests answered per second. For pages that take seconds to render, this is the rate to
 *     read: a run that starts with `connections` renders at once completes few of them within
 *     its seconds, so autocannon's own count is far below what the server keeps up with.
 */
export async function measureServer(server: RunningServer, url: string, options: LoadOptions) {
  if (options.warmupSeconds > 0) await measure(url, { ...options, seconds: options.warmupSeconds, warmupSeconds: 0 })
  await waitUntilIdle(server)
  const serverBefore = await cpuMs(server.process.pid)
  const clientBefore = process.cpuUsage()
  const runStarted = performance.now()
  const result = await measure(url, { ...options, warmupSeconds: 0 })
  const client = process.cpuUsage(clientBefore)
  const idleSince = await waitUntilIdle(server)
  const serverAfter = await cpuMs(server.process.pid)
  const answered = result.requests + options.connections + 1
  return {
    result,
    answeredPerSecond: idleSince === undefined ? null : answered / ((idleSince - runStarted) / 1000),
    serverCpuMsPerRequest: serverBefore === undefined || serverAfter === undefined ? null : (serverAfter - serverBefore) / answered,
    clientCpuMsPerRequest: (client.user + client.system) / 1000 / result.requests,
  }
}

// ---------------------------------------------------------------------------------------------
// Output.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`
}

export const formatRate = (perSecond: number) => perSecond >= 100 ? Math.round(perSecond).toLocaleString('en-US') : perSecond.toFixed(1)

/** A fixed-width text table: the first column left-aligned, the others right-aligned. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(row => row[i]!.length)))
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd()
  return [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export function markdownTable(header: string[], rows: string[][], rightAligned: boolean[] = []): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|')
  return [
    `| ${header.map(escape).join(' | ')} |`,
    `|${header.map((_, i) => (rightAligned[i] ? '---:' : '---')).join('|')}|`,
    ...rows.map(row => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n')
}

export function round(value: number, digits = 2) {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** A load result with every figure rounded to two decimals, for the results files. */
export function roundAll(result: LoadResult): LoadResult {
  return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, round(value)])) as unknown as LoadResult
}

interface BenchmarkRun {
  cleanups: Cleanups
  started: number
  /** The app server, once started: its output explains a failure. */
  appServer: () => RunningServer | undefined
}

/** Runs a benchmark's main, reports a failure with the app server's last output, always cleans up, and exits. */
export async function runBenchmark(main: () => Promise<void>, { cleanups, started, appServer }: BenchmarkRun): Promise<never> {
  let exitCode = 0
  try {
    await main()
  }
  catch (error) {
    console.error('\nbenchmark failed:', error instanceof Error ? error.message : error)
    const server = appServer()
    const exited = server?.process.exitCode ?? server?.process.signalCode
    if (exited !== null && exited !== undefined) console.error(`the app server had exited (${exited})`)
    const output = server?.output().trim()
    if (output) console.error(`\napp server output (last 4000 characters):\n${output.slice(-4000)}`)
    exitCode = 1
  }
  finally {
    await cleanups.run()
  }
  console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`)
  process.exit(exitCode)
}
