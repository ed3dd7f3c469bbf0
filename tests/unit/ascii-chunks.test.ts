// The build writes the server's chunks in ASCII (scripts/ascii-chunks.ts), so that V8 keeps their
// source at one byte a character. A chunk must mean exactly what it meant before.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseAst } from 'rollup/parseAst'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asciiChunks } from '../../scripts/ascii-chunks.ts'

const source = [
  '// a comment \u2014 with a dash, and caf\u00E9',
  '/* a block comment \u2192 with an arrow */',
  'export const dash = "\u2014"',
  'export const latin1 = "caf\u00E9"',
  'export const escapedDash = \'\\\u2014\'',
  'export const astral = "\u{1F600}"',
  'export const plainRegExp = /^\u2014+$/.test("\u2014\u2014")',
  'export const unicodeRegExp = /^\u{1F600}$/u.test("\u{1F600}")',
  'export const astralClassWithoutU = /^[\u{1F600}]$/.test("\u{1F600}")',
  'export const astralClassWithU = /^[\u{1F600}]$/u.test("\u{1F600}")',
  'export const classRegExp = /[\u2014\u00E9]/.test("\u00E9")',
  'export const \u03C0 = 3.14',
  'class Circle { #\u03C0 = 3; area() { return this.#\u03C0 } }',
  'export const privateName = new Circle().area()',
  'export const untagged = `a \u2014 ${1 + 1}`',
  'const rawOf = strings => strings.raw[0]',
  'export const tagged = rawOf`\u2014`',
  'export const spaced =\u3000"ideographic space"',
  'export const first = 1\u2028export const second = 2',
].join('\n')

let dir: string
let output: string
const warnings: string[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'status-page-ascii-'))
  const renderChunk = asciiChunks().renderChunk as (this: unknown, code: string, chunk: { fileName: string }) => { code: string }
  output = renderChunk.call({ parse: parseAst, warn: (message: string) => warnings.push(message) }, source, { fileName: 'sample.mjs' }).code
})

afterAll(() => rm(dir, { recursive: true, force: true }))

async function load(name: string, code: string): Promise<Record<string, unknown>> {
  const file = join(dir, name)
  await writeFile(file, code)
  return { ...await import(pathToFileURL(file).href) }
}

describe('ascii-chunks', () => {
  it('leaves only the character a tagged template could read raw, and says so', () => {
    expect(output.match(/[\u0080-\u{10FFFF}]/gu)).toEqual(['\u2014'])
    expect(warnings).toEqual([expect.stringContaining('sample.mjs: a tagged template keeps')])
  })

  it('changes nothing the code means', async () => {
    const before = await load('before.mjs', source)
    expect(before.escapedDash).toBe('\u2014')
    expect([before.astralClassWithoutU, before.astralClassWithU]).toEqual([false, true])
    expect(await load('after.mjs', output)).toEqual(before)
  })

  it('leaves a chunk in ASCII alone', () => {
    const renderChunk = asciiChunks().renderChunk as (this: unknown, code: string) => unknown
    expect(renderChunk.call({}, 'export const plain = "ascii"')).toBeNull()
  })
})
