// The built app against a PostgreSQL cluster of its own that is stopped and then frozen for about
// ten seconds each: what a status page must still do while its database is gone (issue 8).
// `npm run build` first.
import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { freePort } from '../support/app'
import { createCluster, type Cluster } from './cluster'

const root = new URL('../../', import.meta.url).pathname
const adminToken = 'outage-test-admin-token-0123456789'
const outageMs = 10_000
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

interface Answer {
  what: string
  /** 0: no answer within 5 s, or the connection failed. */
  status: number
  ms: number
  type: string
  stale: string | null
  age: string | null
  body: any
}

let baseUrl = ''

/** A request that never waits longer than 5 s (or `timeoutMs`), with how long it took. */
async function send(method: string, path: string, body?: unknown, timeoutMs = 5000): Promise<Answer> {
  const started = performance.now()
  const what = `${method} ${path}`
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'authorization': `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    const type = response.headers.get('content-type') ?? ''
    return {
      what,
      status: response.status,
      ms: performance.now() - started,
      type,
      stale: response.headers.get('x-status-page-stale'),
      age: response.headers.get('age'),
      body: type.includes('json') ? JSON.parse(text) : text,
    }
  }
  catch (error) {
    return { what, status: 0, ms: performance.now() - started, type: '', stale: null, age: null, body: String(error) }
  }
}

const createComponent = (name: string) => send('POST', '/api/components', { displayName: name })

/** Writes a component every 150 ms until stopped, and remembers each one the app acknowledged. */
function startWriter() {
  const acknowledged: string[] = []
  const answers: Answer[] = []
  let running = true
  const done = (async () => {
    for (let n = 0; running; n++) {
      const answer = await createComponent(`Written ${n}`)
      answers.push(answer)
      if (answer.status === 201) acknowledged.push(answer.body.id)
      await sleep(150)
    }
  })()
  const stop = async () => {
    running = false
    await done
  }
  return { acknowledged, answers, stop }
}

let cluster: Cluster
let app: ChildProcess
let appLog = ''
let appExit: Promise<number | null>
let seeded: string[] = []
let writer: ReturnType<typeof startWriter>

function startApp(databaseUrl: string, port: number) {
  app = spawn(process.execPath, ['.output/server/index.mjs'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, STATUS_PAGE_DEMO: 'false', STATUS_PAGE_ADMIN_TOKEN: adminToken, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  app.stdout!.on('data', (chunk: Buffer) => (appLog += chunk))
  app.stderr!.on('data', (chunk: Buffer) => (appLog += chunk))
  appExit = new Promise(resolve => app.once('exit', code => resolve(code)))
}

async function waitUntilReady(timeoutMs: number) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}:\n${appLog}`)
    if ((await send('GET', '/readyz')).status === 200) return
    await sleep(100)
  }
  throw new Error(`the app did not become ready:\n${appLog}`)
}

/** Every second for the length of an outage: readiness, reads of what was read before, a read of something never read, the page. */
async function probeDuringOutage() {
  const rounds: Answer[][] = []
  const until = Date.now() + outageMs
  while (Date.now() < until) {
    const round = Promise.all([
      send('GET', '/readyz'),
      send('GET', '/api/components'),
      send('GET', `/api/components/${seeded[0]}`),
      send('GET', '/api/impacttypes'),
      send('GET', '/'),
    ])
    await Promise.all([round, sleep(1000)])
    rounds.push(await round)
  }
  return rounds
}

const late = (answers: Answer[], ms: number) => answers.filter(answer => answer.ms >= ms).map(({ what, status, ms }) => ({ what, status, ms }))
const summary = ({ what, status, ms, stale }: Answer) => ({ what, status, ms: Math.round(ms), stale })

function expectOutageAnswers(rounds: Answer[][]) {
  const [readiness, list, one, neverRead, page] = [0, 1, 2, 3, 4].map(i => rounds.map(round => round[i]!))
  expect(rounds.length).toBeGreaterThanOrEqual(6)
  // Readiness: 503 with a problem body, always within a second.
  expect(late(readiness!, 1000)).toEqual([])
  for (const answer of readiness!) {
    expect(summary(answer)).toMatchObject({ status: 503 })
    expect(answer.type).toContain('application/problem+json')
  }
  // What was read before the outage: the last good answer, marked stale with its age. In the
  // first round the ordinary cache may still hold an answer made just before the outage (it
  // lives a second), which goes out unmarked.
  for (const answer of [...list!, ...one!, ...page!]) expect(summary(answer)).toMatchObject({ status: 200 })
  for (const answer of [...list!, ...one!, ...page!].filter(answer => answer !== list![0] && answer !== one![0] && answer !== page![0])) {
    expect(summary(answer)).toMatchObject({ status: 200, stale: expect.stringMatching(/^\d+$/) })
    expect(answer.age).toBe(answer.stale)
  }
  expect(late([...list!, ...one!, ...page!], 2000)).toEqual([])
  expect(list!.every(answer => seeded.every(id => answer.body.data.some((c: { id: string }) => c.id === id)))).toBe(true)
  expect(one!.every(answer => answer.body.data.id === seeded[0])).toBe(true)
  expect(page!.every(answer => answer.body.includes('Seeded'))).toBe(true)
  // What was never read: 503 problem+json, within 2 s.
  expect(late(neverRead!, 2000)).toEqual([])
  for (const answer of neverRead!) {
    expect(summary(answer)).toMatchObject({ status: 503 })
    expect(answer.type).toContain('application/problem+json')
  }
}

/** Writes answered during an outage: each within 2 s, 503 problem+json. */
function expectRefusedWrites(answers: Answer[]) {
  expect(answers.length).toBeGreaterThanOrEqual(3)
  expect(late(answers, 2000)).toEqual([])
  for (const answer of answers) {
    expect(summary(answer)).toMatchObject({ status: 503 })
    expect(answer.type).toContain('application/problem+json')
  }
}

/** Probes for the length of an outage that has just begun, then checks every answer. */
async function expectOutageHandled() {
  const writesBefore = writer.answers.length
  const rounds = await probeDuringOutage()
  // The first write may have been on its way when the outage began.
  expectRefusedWrites(writer.answers.slice(writesBefore + 1))
  expectOutageAnswers(rounds)
}

describe('a database that stops or hangs', () => {
  beforeAll(async () => {
    cluster = await createCluster(await freePort())
    await cluster.start()
    const port = await freePort()
    baseUrl = `http://127.0.0.1:${port}`
    startApp(cluster.url, port)
    await waitUntilReady(30_000)
  }, 60_000)

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.log(`The app's output:\n${appLog.slice(-4000)}`))
  })

  afterAll(async () => {
    await writer?.stop()
    if (app && app.exitCode === null && app.signalCode === null) {
      app.kill('SIGKILL')
      await appExit
    }
    await cluster?.destroy()
  }, 30_000)

  it('serves reads and takes writes while the database is up', async () => {
    seeded = []
    for (const name of ['Seeded compute', 'Seeded storage']) {
      const answer = await createComponent(name)
      expect(summary(answer)).toMatchObject({ status: 201 })
      seeded.push(answer.body.id)
    }
    writer = startWriter()
    await sleep(600)
    // Read once, so the app has a last good answer of each. The first render may be slow on a busy machine.
    for (const path of ['/api/components', `/api/components/${seeded[0]}`, '/']) {
      const answer = await send('GET', path, undefined, 30_000)
      expect(summary(answer)).toMatchObject({ status: 200, stale: null })
    }
    expect(writer.acknowledged.length).toBeGreaterThan(0)
  })

  it('answers in time while the database is stopped: readiness 503, stale reads, writes 503', async () => {
    await cluster.stopImmediately()
    await expectOutageHandled()
  }, 30_000)

  it('answers in time while the database is frozen: readiness 503, stale reads, writes 503', async () => {
    await cluster.start()
    await waitUntilReady(8000)
    const ready = writer.answers.length
    const writing = () => writer.answers.slice(ready).some(answer => answer.status === 201)
    for (const until = Date.now() + 5000; !writing() && Date.now() < until;) await sleep(100)
    expect(writer.answers.slice(ready).map(summary)).toContainEqual(expect.objectContaining({ status: 201 }))
    // Once more read what the probes read, so the last good answers are from after the restart.
    for (const path of ['/api/components', `/api/components/${seeded[0]}`, '/']) await send('GET', path)
    cluster.freeze()
    await expectOutageHandled()
  }, 45_000)

  it('recovers without a restart, and every acknowledged write is there', async () => {
    cluster.thaw()
    await waitUntilReady(8000)
    const until = Date.now() + 5000
    let answer = await createComponent('After the outage')
    while (answer.status !== 201 && Date.now() < until) {
      await sleep(200)
      answer = await createComponent('After the outage')
    }
    expect(summary(answer)).toMatchObject({ status: 201 })
    await writer.stop()
    const unanswered = writer.answers.filter(a => a.status === 0)
    expect(unanswered.map(summary)).toEqual([])
    const list = await send('GET', '/api/components')
    expect(summary(list)).toMatchObject({ status: 200, stale: null })
    const stored = new Set(list.body.data.map((c: { id: string }) => c.id))
    const missing = [...seeded, ...writer.acknowledged, answer.body.id].filter(id => !stored.has(id))
    expect(missing).toEqual([])
  }, 30_000)

  it('ends within 5 s of SIGTERM while the database is frozen, answering what is in flight', async () => {
    cluster.freeze()
    const inFlight = createComponent('In flight at SIGTERM')
    await sleep(200)
    const signalled = performance.now()
    app.kill('SIGTERM')
    await sleep(300)
    // No longer accepting: a new request gets no answer from this process.
    expect((await send('GET', '/healthz')).status).toBe(0)
    const code = await Promise.race([appExit, sleep(10_000).then(() => 'still running')])
    const ms = performance.now() - signalled
    expect(code).not.toBe('still running')
    expect(ms).toBeLessThan(5000)
    expect(summary(await inFlight)).toMatchObject({ status: 503 })
  }, 30_000)
})
