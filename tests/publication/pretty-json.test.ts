import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writePrettyJson } from '../../src/publication/write-pretty-json.js'

const dir = mkdtempSync(join(tmpdir(), 'pretty-json-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Longer than one 64 kB write, with characters of two, three and four UTF-8 bytes on the way.
const long = 'é‘’😀'.repeat(20_000)
const documents: Record<string, Record<string, unknown> | unknown[]> = {
  empty: {},
  'empty list': [],
  'members JSON leaves out': { a: undefined, b: () => 1, c: [undefined, () => 1], d: {}, e: [], f: { g: [1, [2, [3, {}]], null] } },
  'values with toJSON and escapes': { date: new Date(0), s: 'line\nbreak "quoted" \u2028 tab\t', n: -0, t: { toJSON: () => ({ x: [1, 2] }) }, u: { toJSON: () => undefined } },
  'text over several writes': { long, nested: [{ long }, { a: [{}, []] }], keys: { 1: 'one', b: 'b', 0: 'zero' } },
  'numbers JSON writes as null': [[[]], [{}], { nan: Number.NaN, inf: Number.POSITIVE_INFINITY, map: new Map([[1, 2]]) }],
}

describe('writePrettyJson', () => {
  for (const [name, document] of Object.entries(documents)) {
    it(`writes ${name} byte for byte as JSON.stringify(value, null, 2) with a line break, and its size and SHA-256`, async () => {
      const path = join(dir, `${name}.json`)
      const digest = await writePrettyJson(path, document)
      const written = readFileSync(path)
      const expected = Buffer.from(`${JSON.stringify(document, null, 2)}\n`)
      expect(written.equals(expected)).toBe(true)
      expect(digest).toEqual({ bytes: expected.length, sha256: createHash('sha256').update(written).digest('hex') })
    })
  }

  it('writes a second document over the first in full', async () => {
    const path = join(dir, 'again.json')
    await writePrettyJson(path, { long })
    await writePrettyJson(path, { short: true })
    expect(readFileSync(path, 'utf8')).toBe('{\n  "short": true\n}\n')
  })
})
