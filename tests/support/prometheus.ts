// Reading the Prometheus text format in tests, and checking it with Prometheus's own promtool
// (Debian's `prometheus` package).
import { spawn } from 'node:child_process'

export interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

/** The samples of an exposition, comments left out. Label values as written, unescaped. */
export function parseSamples(text: string): Sample[] {
  return text.split('\n').filter(line => line && !line.startsWith('#')).map((line) => {
    const match = line.match(/^(\w+)(?:\{(.*)\})? (\S+)$/)
    if (!match) throw new Error(`not a sample: ${line}`)
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)]
      .map(([, name, value]) => [name!, value!.replace(/\\(.)/g, (_, c: string) => c === 'n' ? '\n' : c)]))
    return { name: match[1]!, labels, value: Number(match[3]) }
  })
}

/** The value of the one sample with this name and at least these labels; 0 when there is none. */
export function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(sample => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`)
  return found[0]?.value ?? 0
}

/** What `promtool check metrics` says about an exposition: its exit code and output. */
export function promtoolCheck(text: string): Promise<{ code: number | null, output: string }> {
  return new Promise((resolve, reject) => {
    const promtool = spawn('/usr/bin/promtool', ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let output = ''
    promtool.stdout.on('data', (chunk: Buffer) => (output += chunk))
    promtool.stderr.on('data', (chunk: Buffer) => (output += chunk))
    promtool.once('error', reject)
    promtool.once('exit', code => resolve({ code, output }))
    promtool.stdin.end(text)
  })
}
