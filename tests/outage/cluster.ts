// A PostgreSQL cluster of the test's own, in a temporary directory, that the test may stop and
// freeze as an outage would. PostgreSQL refuses to run as root, so under root (as in CI) every
// server command runs as the `postgres` user.
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

function binaries(): string {
  const root = '/usr/lib/postgresql'
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined
  if (!version) throw new Error(`no PostgreSQL server binaries under ${root}`)
  return join(root, version, 'bin')
}

/** The processes whose parent is `pid`, from /proc. */
function children(pid: number): number[] {
  return readdirSync('/proc').filter(name => /^\d+$/.test(name)).map(Number).filter((child) => {
    try {
      // The field after the parenthesised command name: state, then the parent's pid.
      const stat = readFileSync(`/proc/${child}/stat`, 'utf8')
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid
    }
    catch {
      return false
    }
  })
}

export interface Cluster {
  url: string
  start: () => Promise<void>
  /** As a crash would: no shutdown checkpoint, every connection cut. */
  stopImmediately: () => Promise<void>
  /** SIGSTOP to the postmaster and its children: sockets stay open, nothing answers. */
  freeze: () => void
  thaw: () => void
  /** Stops the cluster whatever state it is in and removes its files. */
  destroy: () => Promise<void>
}

export async function createCluster(port: number): Promise<Cluster> {
  const bin = binaries()
  const asRoot = userInfo().uid === 0
  const dir = await mkdtemp(join(tmpdir(), 'status-page-outage-'))
  const data = join(dir, 'data')
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: group } = await run('id', ['-g', 'postgres'])
    await chown(dir, Number(stdout), Number(group))
  }
  const server = (command: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args]) : run(join(bin, command), args)

  await server('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'])
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir}`
  let frozen: number[] = []

  const postmaster = (): number | undefined => {
    try {
      return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
    }
    catch {
      return undefined
    }
  }
  const signal = (pids: number[], name: NodeJS.Signals) => {
    for (const pid of pids) {
      try {
        process.kill(pid, name)
      }
      catch { /* already gone */ }
    }
  }
  const thaw = () => {
    signal(frozen, 'SIGCONT')
    frozen = []
  }
  const stopImmediately = async () => {
    thaw()
    if (postmaster() !== undefined) await server('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => {})
  }

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: async () => {
      await server('pg_ctl', ['start', '-D', data, '-w', '-t', '30', '-l', join(dir, 'log'), '-o', options])
    },
    stopImmediately,
    freeze: () => {
      const pid = postmaster()
      if (pid === undefined) throw new Error('the cluster is not running')
      frozen = [pid, ...children(pid)]
      signal(frozen, 'SIGSTOP')
    },
    thaw,
    destroy: async () => {
      await stopImmediately()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
