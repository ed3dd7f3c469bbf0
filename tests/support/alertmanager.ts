// A real Prometheus Alertmanager (Debian's prometheus-alertmanager) for the tests, with one route
// to the app's webhook, fast group timings, and its own API to fire and resolve alerts.
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './app'

export const alertmanagerBinary = '/usr/bin/prometheus-alertmanager'

export async function startAlertmanager(webhookUrl: string, token: string) {
  const dir = await mkdtemp(join(tmpdir(), 'alertmanager-'))
  await writeFile(join(dir, 'alertmanager.yml'), `
route:
  receiver: status-page
  group_by: [alertname, service]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: status-page
    webhook_configs:
      - url: ${webhookUrl}
        send_resolved: true
        http_config:
          authorization:
            credentials: ${token}
`)
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let output = ''
  const process = spawn(alertmanagerBinary, [
    `--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=',
  ], { stdio: ['ignore', 'pipe', 'pipe'] })
  process.stdout.on('data', (chunk: Buffer) => (output += chunk))
  process.stderr.on('data', (chunk: Buffer) => (output += chunk))
  for (const until = Date.now() + 30_000; ;) {
    if (await fetch(`${base}/-/ready`).then(r => r.ok, () => false)) break
    if (Date.now() > until || process.exitCode !== null) throw new Error(`Alertmanager did not start:\n${output}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  /** Fires (or with `endsAt` in the past, resolves) alerts through Alertmanager's API. */
  const post = async (alerts: object[]) => {
    const response = await fetch(`${base}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) })
    if (!response.ok) throw new Error(`Alertmanager refused the alerts: ${response.status} ${await response.text()}`)
  }
  return {
    post,
    output: () => output,
    async stop() {
      process.kill('SIGTERM')
      await new Promise(resolve => process.once('exit', resolve))
      await rm(dir, { recursive: true, force: true })
    },
  }
}
