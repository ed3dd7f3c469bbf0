// The built app (`.output`) as a process of its own, for tests that need a server configured
// differently from the shared one, or a second instance. Plain type syntax only, like postgres.ts.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

const root = new URL('../../', import.meta.url).pathname

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export interface App {
  base: string
  process: ChildProcess
  /** What the process printed so far, standard output and error together. */
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts the app with `env` on top of this process's environment (undefined removes a variable) and
 * waits until `readyAt` (/readyz; /healthz for an app whose database is meant to be unreachable)
 * answers 200. `nodeArgs` go to Node before the script (flags that NODE_OPTIONS refuses).
 */
export async function startApp(env: Record<string, string | undefined>, port?: number, readyAt = '/readyz', nodeArgs: string[] = []): Promise<App> {
  const listenOn = port ?? await freePort()
  const base = `http://127.0.0.1:${listenOn}`
  let output = ''
  const app = spawn(process.execPath, [...nodeArgs, '.output/server/index.mjs'], {
    cwd: root,
    env: { ...process.env, STATUS_PAGE_DEMO: 'false', ...env, HOST: '127.0.0.1', PORT: String(listenOn) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  app.stdout!.on('data', (chunk: Buffer) => (output += chunk))
  app.stderr!.on('data', (chunk: Buffer) => (output += chunk))
  const exited = new Promise(resolve => app.once('exit', resolve))
  const stop = async () => {
    if (app.exitCode === null && app.signalCode === null) app.kill('SIGTERM')
    await exited
  }
  // A first start migrates and may hash passwords: allow a busy machine two minutes.
  for (const until = Date.now() + 120_000; Date.now() < until;) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}:\n${output}`)
    if (await fetch(`${base}${readyAt}`).then(reply => reply.ok, () => false)) return { base, process: app, output: () => output, stop }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  await stop()
  throw new Error(`the app did not become ready:\n${output}`)
}
