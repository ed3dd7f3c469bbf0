// Start-up benchmark: `npm run bench:start` (after `npm run build`).
//
// How soon a (re)started instance serves, and how much memory it holds at rest. Starts the built
// server five times in each of three ways and measures from the spawn:
//   - embedded database, first start: an empty data directory, with the demo data (the quick start);
//   - embedded database, existing data directory (the same directory, started again);
//   - PostgreSQL, already migrated (a fresh database, migrated by one start not counted).
// Prints the medians of: until `/healthz` answers (the process listens), until `/readyz` answers
// 200 (the database is open and migrated), and resident memory (RSS) ten seconds after ready with
// no requests. Beside them, the same for a bare node:http server (bench/static-server.ts) started
// with the same flags: what starting Node and answering costs this machine, against which the
// app's times are read (they move by half between machines). Writes bench/results/start.json and
// bench/results/start.md.
//
// Environment:
//   BENCH_DATABASE_URL  postgres://… of a server where a fresh database may be created and dropped
//                       (default: postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_RUNS          starts per way (default 5)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  appEnvironment, Cleanups, freePort, loadAverage, machine, machineLine, markdownTable, prepareDatabase, residentMemory, root,
  runBenchmark, serverFlags, sleep, spawnLogged, stopChild, textTable,
} from './lib.ts'

/** The aims: ready after start (ms) and RSS at rest (bytes). */
const AIMS = {
  'embedded, existing data': { readyMs: 1000, restBytes: 200e6 },
  'embedded, first start with demo': { readyMs: 2000, restBytes: 200e6 },
  'PostgreSQL': { readyMs: 800, restBytes: 150e6 },
} as const
type Way = keyof typeof AIMS

const REST_MS = 10_000
const POLL_MS = 10
const READY_TIMEOUT_MS = 60_000

const started = performance.now()
const cleanups = new Cleanups()
cleanups.onSignals()

interface Start { listeningMs: number, readyMs: number, restBytes: number }

const answers = (url: string) => fetch(url).then(reply => reply.ok, () => false)

const appCommand = () => [...serverFlags, '.output/server/index.mjs']

/** One start: spawn, poll until listening and until ready, rest, read RSS, stop. */
async function startOnce(env: Record<string, string>, command: (port: number) => string[] = appCommand): Promise<Start> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const t0 = performance.now()
  const { child, output } = spawnLogged(command(port), appEnvironment(port, env))
  try {
    let listeningMs: number | undefined
    while (performance.now() - t0 < READY_TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`)
      listeningMs ??= await answers(`${url}/healthz`) ? performance.now() - t0 : undefined
      if (listeningMs !== undefined && await answers(`${url}/readyz`)) {
        const readyMs = performance.now() - t0
        await sleep(REST_MS)
        return { listeningMs, readyMs, restBytes: (await residentMemory(child.pid!)).now }
      }
      await sleep(POLL_MS)
    }
    throw new Error(`not ready within ${READY_TIMEOUT_MS} ms:\n${output()}`)
  }
  finally {
    await stopChild(child)
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function main() {
  const runs = Number(process.env.BENCH_RUNS ?? 5)
  const postgresUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
  const postgres = await prepareDatabase(cleanups, postgresUrl)
  await startOnce(postgres.env) // migrates the fresh database; not counted

  const results: { way: Way, starts: Start[] }[] = []
  const measureWay = async (way: Way, env: () => Promise<Record<string, string>>) => {
    const starts: Start[] = []
    for (let i = 0; i < runs; i++) starts.push(await startOnce(await env()))
    results.push({ way, starts })
    const m = summary(starts)
    console.log(`${way}: listening ${m.listeningMs} ms, ready ${m.readyMs} ms, RSS at rest ${Math.round(m.restBytes / 1e6)} MB`)
  }
  const emptyDirectory = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'status-page-start-'))
    cleanups.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }))
    return dir
  }
  await measureWay('embedded, first start with demo', async () => ({ STATUS_PAGE_DATA_DIR: await emptyDirectory(), STATUS_PAGE_DEMO: 'true' }))
  const existing = await emptyDirectory()
  await startOnce({ STATUS_PAGE_DATA_DIR: existing, STATUS_PAGE_DEMO: 'true' })
  await measureWay('embedded, existing data', async () => ({ STATUS_PAGE_DATA_DIR: existing, STATUS_PAGE_DEMO: 'true' }))
  await measureWay('PostgreSQL', async () => postgres.env)
  // The bare server answers every path, /healthz and /readyz alike.
  const body = join(await emptyDirectory(), 'body')
  await writeFile(body, 'ok')
  const baselineStarts: Start[] = []
  for (let i = 0; i < runs; i++) baselineStarts.push(await startOnce({}, port => [...serverFlags, 'bench/static-server.ts', String(port), body, 'text/plain']))
  const baseline = summary(baselineStarts)
  const baselineText = `answering after ${baseline.readyMs} ms, RSS at rest ${Math.round(baseline.restBytes / 1e6)} MB`
  console.log(`baseline (a bare node:http server with the same flags): ${baselineText}`)

  const rows = results.map(({ way, starts }) => {
    const m = summary(starts)
    const aim = AIMS[way]
    return {
      cells: [way, `${m.listeningMs} ms`, `${m.readyMs} ms`, `≤ ${aim.readyMs} ms`, `${Math.round(m.restBytes / 1e6)} MB`, `≤ ${aim.restBytes / 1e6} MB`],
      met: m.readyMs <= aim.readyMs && m.restBytes <= aim.restBytes,
    }
  })
  const header = ['start', 'listening', 'ready', 'aim', 'RSS at rest', 'aim']
  console.log(`\n${textTable(header, rows.map(row => row.cells))}\n\nBaseline: ${baselineText}`)

  const info = machine()
  const lines = [
    '# Start-up benchmark',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- ${machineLine(info)}; 1-minute load average at the end ${loadAverage()}`,
    `- Each way started ${runs} times (medians); times from the spawn of the server, polled every ${POLL_MS} ms; RSS ${REST_MS / 1000} s after ready, no requests`,
    `- PostgreSQL: ${postgres.label}, migrated by a start not counted`,
    '',
    markdownTable(header, rows.map(row => row.cells), [false, true, true, true, true, true]),
    '',
    `Baseline, a bare \`node:http\` server (bench/static-server.ts) started with the same flags and polled the same way: ${baselineText}.`,
    '',
    `Aims met: ${rows.filter(row => row.met).length} of ${rows.length} (${rows.filter(row => !row.met).map(row => row.cells[0]).join(', ') || 'all'}${rows.every(row => row.met) ? '' : ' not'}).`,
    '',
  ]
  await mkdir(join(root, 'bench/results'), { recursive: true })
  await writeFile(join(root, 'bench/results/start.json'), `${JSON.stringify({ date: new Date().toISOString(), machine: info, runs, results, baseline: { starts: baselineStarts, median: baseline } }, null, 2)}\n`)
  await writeFile(join(root, 'bench/results/start.md'), lines.join('\n'))
  console.log('\nwrote bench/results/start.json and bench/results/start.md')
}

function summary(starts: Start[]) {
  return {
    listeningMs: Math.round(median(starts.map(s => s.listeningMs))),
    readyMs: Math.round(median(starts.map(s => s.readyMs))),
    restBytes: median(starts.map(s => s.restBytes)),
  }
}

await runBenchmark(main, { cleanups, started, appServer: () => undefined })
