// Browser vitals benchmark: `npm run bench:vitals` (after `npm run build`).
//
// What a visitor on a phone feels. Starts the built server on a fresh embedded database with the
// demo data, adds the data set of bench:page through the API (60 components, 90 days of history),
// then loads `/`, an ongoing incident's page and `/history` in Debian's Chromium with a phone's
// viewport (412×915) and the CPU slowed down 4× (CDP Emulation.setCPUThrottlingRate), each five
// times with JavaScript on and five times with it off, every load in a fresh browser context.
// Prints the medians of:
//   - total blocking time: the part beyond 50 ms of every task of the page's main thread until the
//     network is idle (from a trace: a 'longtask' observer in the page would not run with
//     JavaScript off, and one way for both keeps them comparable);
//   - largest contentful paint and first contentful paint;
//   - DOM nodes (elements) once the network is idle;
// and per page the HTML's size uncompressed and as the server sends it with brotli, and the
// hydration payload (`__NUXT_DATA__`). Beside them, the same measures for a page of one paragraph
// from a bare node:http server, loaded the same way once before each page's loads: the floor that
// a navigation costs this machine and browser, against which the pages' figures are read.
// Writes bench/results/vitals.json and bench/results/vitals.md.
//
// Environment:
//   CHROMIUM_PATH   the browser (default /usr/bin/chromium)
//   BENCH_RUNS      loads per page and JavaScript setting (default 5)
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import {
  apiClient, Cleanups, fetchRaw, formatBytes, HISTORY_DAYS, loadAverage, machine, machineLine, markdownTable, prepareDatabase, root,
  round, runBenchmark, seedDataSet, sleep, startAppServer, startBaselineServer, textTable, type RunningServer,
} from './lib.ts'

const VIEWPORT = { width: 412, height: 915 }
const CPU_SLOWDOWN = 4
/** Long tasks count towards blocking time only beyond this. */
const BLOCKING_MS = 50
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
/** The aims for `/` with JavaScript on. */
const AIMS = { tbtMs: 200, lcpMs: 1000, domNodes: 3000, htmlBytes: 300_000, brotliBytes: 30_000, payloadBytes: 30_000 }
/** A slowed-down browser on a busy machine may take long over a big page. */
const GOTO_TIMEOUT_MS = 180_000
const BASELINE_HTML = '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
  + '<title>Baseline</title><p>A page of one paragraph.</p></html>'
/** After its own writes, a client reads around the page cache for this long (README, "read your writes"). */
const READ_YOUR_WRITES_MS = 10_000

const started = performance.now()
const cleanups = new Cleanups()
cleanups.onSignals()
let appServer: RunningServer | undefined

interface Load { tbtMs: number, lcpMs: number | null, fcpMs: number | null, domNodes: number }
interface Row { page: string, path: string, javaScript: boolean, loads: Load[], median: Load }
interface Weight { page: string, path: string, htmlBytes: number, brotliBytes: number, payloadBytes: number }

/** The `RunTask`s of the page's main threads in a Chromium trace, in ms. */
function mainThreadTasks(trace: Buffer): number[] {
  interface TraceEvent { name: string, ph: string, pid: number, tid: number, dur?: number, args?: { name?: string } }
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const thread = (event: TraceEvent) => `${event.pid}:${event.tid}`
  const main = new Set(events.filter(e => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread))
  return events.filter(e => e.name === 'RunTask' && e.ph === 'X' && main.has(thread(e))).map(e => (e.dur ?? 0) / 1000)
}

// Everything is read from outside the page, since with JavaScript off neither observers nor
// timers run in it: long tasks from a trace, the LCP from the DevTools protocol's performance
// timeline, the FCP and the DOM by evaluating (which needs no page scripts).
async function loadOnce(browser: Browser, url: string, javaScript: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT, javaScriptEnabled: javaScript })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    const paints: number[] = []
    cdp.on('PerformanceTimeline.timelineEventAdded', ({ event }) => {
      if (event.lcpDetails) paints.push((event.lcpDetails.renderTime || event.lcpDetails.loadTime) * 1000)
    })
    await cdp.send('PerformanceTimeline.enable', { eventTypes: ['largest-contentful-paint'] })
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] })
    const response = await page.goto(url, { waitUntil: 'networkidle', timeout: GOTO_TIMEOUT_MS })
    const tasks = mainThreadTasks(await browser.stopTracing())
    if (response?.status() !== 200) throw new Error(`GET ${url} answered ${response?.status()} in the browser`)
    const { origin, fcpMs, domNodes } = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      domNodes: document.getElementsByTagName('*').length,
    }))
    const lcp = paints.at(-1)
    return {
      tbtMs: tasks.reduce((sum, ms) => sum + Math.max(0, ms - BLOCKING_MS), 0),
      lcpMs: lcp === undefined ? null : lcp - origin,
      fcpMs,
      domNodes,
    }
  }
  finally {
    await context.close()
  }
}

/** The median of each measure (nulls, where a paint never came, sort last). */
function medianLoad(loads: Load[]): Load {
  const median = (values: (number | null)[]) => {
    const sorted = [...values].sort((a, b) => (a ?? Infinity) - (b ?? Infinity))
    return sorted[Math.floor(sorted.length / 2)] ?? null
  }
  return {
    tbtMs: median(loads.map(l => l.tbtMs))!,
    lcpMs: median(loads.map(l => l.lcpMs)),
    fcpMs: median(loads.map(l => l.fcpMs)),
    domNodes: median(loads.map(l => l.domNodes))!,
  }
}

async function weigh(page: string, url: string): Promise<Weight> {
  const plain = await fetchRaw(url)
  const brotli = await fetchRaw(url, { 'accept-encoding': 'br' })
  if (plain.status !== 200 || brotli.headers['content-encoding'] !== 'br') {
    throw new Error(`GET ${url}: ${plain.status}, content-encoding ${brotli.headers['content-encoding'] ?? '(none)'} for accept-encoding: br`)
  }
  const html = Buffer.from(plain.body).toString('utf8')
  const payload = /<script[^>]*\bid="__NUXT_DATA__"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? ''
  return { page, path: new URL(url).pathname, htmlBytes: plain.body.length, brotliBytes: brotli.body.length, payloadBytes: Buffer.byteLength(payload) }
}

const rounded = (load: Load): Load => ({ ...load, tbtMs: round(load.tbtMs), lcpMs: load.lcpMs && round(load.lcpMs), fcpMs: load.fcpMs && round(load.fcpMs) })

const ms = (value: number | null) => value === null ? 'n/a' : `${Math.round(value).toLocaleString('en-US')} ms`

async function main() {
  const runs = Number(process.env.BENCH_RUNS ?? 5)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_RUNS must be a positive integer, got "${process.env.BENCH_RUNS}"`)
  if (!existsSync(join(root, '.output/server/index.mjs'))) throw new Error('No built server in .output/: run `npm run build` first.')

  const database = await prepareDatabase(cleanups)
  const adminToken = `bench-admin-${randomBytes(16).toString('hex')}`
  const app = await startAppServer(cleanups, { env: { ...database.env, STATUS_PAGE_ADMIN_TOKEN: adminToken, STATUS_PAGE_DEMO: 'true' }, readyTimeoutMs: 180_000 })
  appServer = app
  console.log(`app server: ${app.url} (ready after ${((performance.now() - started) / 1000).toFixed(1)} s), ${database.label} with the demo data`)

  const api = apiClient(app.url, adminToken)
  const dataSet = await seedDataSet(api, { days: HISTORY_DAYS, incidentsPerDay: 3, ongoing: 4, concurrency: 8, severities: false })
  console.log(`seeded in ${dataSet.seconds.toFixed(1)} s: ${dataSet.components.length} components, ${dataSet.incidents} incidents (${dataSet.ongoing} ongoing)`)
  const now = Date.now()
  const { data: current } = await api.request<{ data: { id: string, endedAt: string | null }[] }>(
    'GET', `/api/incidents?start=${new Date(now - 86_400_000).toISOString()}&end=${new Date(now).toISOString()}`)
  const ongoing = current.find(incident => incident.endedAt === null)
  if (!ongoing) throw new Error('no ongoing incident in the data set')
  const pages = [
    { page: 'overview', path: '/' },
    { page: 'incident', path: `/incidents/${ongoing.id}` },
    { page: 'history', path: '/history' },
  ]
  // The writes' client is this machine, as the browser's is: wait until its reads share the cache.
  await sleep(READ_YOUR_WRITES_MS)

  const baseline = await startBaselineServer(cleanups, new TextEncoder().encode(BASELINE_HTML), 'text/html; charset=utf-8')
  const baselineLoads: Load[] = []
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  cleanups.add('close the browser', () => browser.close())
  const rows: Row[] = []
  for (const { page, path } of pages) {
    for (const javaScript of [true, false]) {
      baselineLoads.push(await loadOnce(browser, baseline.url, true))
      await loadOnce(browser, `${app.url}${path}`, javaScript) // warm-up: fills the page cache, not counted
      const loads: Load[] = []
      for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, `${app.url}${path}`, javaScript))
      const median = medianLoad(loads)
      rows.push({ page, path, javaScript, loads, median })
      console.log(`${page} (${path}), JavaScript ${javaScript ? 'on' : 'off'}: TBT ${ms(median.tbtMs)}, LCP ${ms(median.lcpMs)}, `
        + `FCP ${ms(median.fcpMs)}, ${median.domNodes} DOM nodes`)
    }
  }
  const floor = medianLoad(baselineLoads)
  const floorText = `TBT ${ms(floor.tbtMs)}, LCP ${ms(floor.lcpMs)}, FCP ${ms(floor.fcpMs)} (median of ${baselineLoads.length} loads, one before each page's)`
  console.log(`baseline (a page of one paragraph from a bare node:http server): ${floorText}`)
  // After the loads above, the cache holds the thoroughly compressed copies.
  const weights: Weight[] = []
  for (const { page, path } of pages) weights.push(await weigh(page, `${app.url}${path}`))

  const header = ['page', 'JavaScript', 'TBT', 'LCP', 'FCP', 'DOM nodes', 'HTML', 'HTML brotli', '__NUXT_DATA__']
  const tableRows = rows.map((row) => {
    const weight = weights.find(w => w.page === row.page)!
    return [
      `${row.page} (${row.page === 'incident' ? '/incidents/<id>' : row.path})`, row.javaScript ? 'on' : 'off',
      ms(row.median.tbtMs), ms(row.median.lcpMs), ms(row.median.fcpMs), row.median.domNodes.toLocaleString('en-US'),
      formatBytes(weight.htmlBytes), formatBytes(weight.brotliBytes), formatBytes(weight.payloadBytes),
    ]
  })
  const overview = rows.find(row => row.page === 'overview' && row.javaScript)!.median
  const overviewWeight = weights.find(w => w.page === 'overview')!
  const aims = [
    ['TBT', overview.tbtMs <= AIMS.tbtMs, `${ms(overview.tbtMs)} (aim ≤ ${AIMS.tbtMs} ms)`],
    ['LCP', overview.lcpMs !== null && overview.lcpMs <= AIMS.lcpMs, `${ms(overview.lcpMs)} (aim ≤ ${AIMS.lcpMs} ms)`],
    ['DOM nodes', overview.domNodes <= AIMS.domNodes, `${overview.domNodes} (aim ≤ ${AIMS.domNodes})`],
    ['HTML', overviewWeight.htmlBytes <= AIMS.htmlBytes, `${formatBytes(overviewWeight.htmlBytes)} (aim ≤ ${AIMS.htmlBytes / 1000} kB)`],
    ['brotli', overviewWeight.brotliBytes <= AIMS.brotliBytes, `${formatBytes(overviewWeight.brotliBytes)} (aim ≤ ${AIMS.brotliBytes / 1000} kB)`],
    ['__NUXT_DATA__', overviewWeight.payloadBytes <= AIMS.payloadBytes, `${formatBytes(overviewWeight.payloadBytes)} (aim ≤ ${AIMS.payloadBytes / 1000} kB)`],
  ] as const
  const aimText = aims.map(([name, met, text]) => `${name} ${text} ${met ? 'met' : 'NOT met'}`).join('; ')
  const host = machine()
  const date = new Date().toISOString()
  const browserVersion = browser.version()
  const setting = `Chromium ${browserVersion}, ${VIEWPORT.width}×${VIEWPORT.height}, CPU ${CPU_SLOWDOWN}× slower, median of ${runs} loads`
  console.log(`\n${textTable(header, tableRows)}\n\n${setting}; load average ${loadAverage()}\nBaseline: ${floorText}\nAims for / with JavaScript: ${aimText}`)

  const outDir = join(root, 'bench/results')
  await mkdir(outDir, { recursive: true })
  const json = {
    benchmark: 'vitals',
    date,
    machine: host,
    browser: { name: 'chromium', version: browserVersion, viewport: VIEWPORT, cpuSlowdown: CPU_SLOWDOWN, runs },
    database: { kind: database.kind, label: `${database.label}, demo data` },
    dataSet: { days: HISTORY_DAYS, components: dataSet.components.length, incidents: dataSet.incidents, ongoing: dataSet.ongoing },
    results: rows.map(row => ({
      ...row,
      loads: row.loads.map(rounded),
      median: rounded(row.median),
    })),
    weights,
    baseline: { html: BASELINE_HTML, loads: baselineLoads.map(rounded), median: rounded(floor) },
    aims: Object.fromEntries(aims.map(([name, met]) => [name, met])),
    totalSeconds: round((performance.now() - started) / 1000),
  }
  await writeFile(join(outDir, 'vitals.json'), `${JSON.stringify(json, null, 2)}\n`)
  const markdown = [
    '# Browser vitals benchmark',
    '',
    `- Date: ${date}`,
    `- ${machineLine(host)}`,
    `- ${setting}, each in a fresh browser context after one load not counted`,
    `- Database: ${database.label}, demo data plus ${dataSet.components.length} components and ${dataSet.incidents} incidents over ${HISTORY_DAYS} days`,
    '- TBT: the part beyond 50 ms of each long task until the network was idle; DOM nodes: elements then; '
    + 'HTML brotli: as the server sends it to `accept-encoding: br`',
    '',
    markdownTable(header, tableRows, header.map((_, i) => i > 1)),
    '',
    `Baseline, a page of one paragraph from a bare \`node:http\` server, loaded the same way with JavaScript on: ${floorText}. `
    + 'What a navigation alone costs this machine and browser.',
    '',
    `Aims for \`/\` with JavaScript: ${aimText}.`,
    '',
  ].join('\n')
  await writeFile(join(outDir, 'vitals.md'), markdown)
  console.log('wrote bench/results/vitals.json and bench/results/vitals.md')
}

await runBenchmark(main, { cleanups, started, appServer: () => appServer })
