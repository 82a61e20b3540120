import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { projectRoot } from '../../src/config.js'
import { DataErrors } from '../../src/data/data-error.js'
import { readAgreementData } from '../../src/data/read-agreement-data.js'
import { temporaryDir } from '../api/support.js'

const scratch = temporaryDir('text-hygiene')
afterAll(() => scratch.remove())
let copies = 0

/** A copy of the agreement's data folder with one file changed, read back; the problems it gave (none: []). */
function problemsAfter(file: string, change: (text: string) => string | Buffer): string[] {
  const dir = join(scratch.dir, `copy-${copies++}`)
  cpSync(join(projectRoot, 'db/data/assen-2022-2026'), dir, { recursive: true })
  const path = join(dir, file)
  writeFileSync(path, change(readFileSync(path, 'utf8')))
  try {
    readAgreementData(dir, scratch.dir)
    return []
  } catch (error) {
    if (!(error instanceof DataErrors)) throw error
    return error.errors.map((e) => e.message)
  }
}

/** Sets one field of a YAML file (as the YAML library writes it, so quoting is right). */
const setIn = (path: (string | number)[], value: unknown) => (text: string) => {
  const doc = parseDocument(text)
  doc.setIn(path, value)
  return doc.toString({ lineWidth: 0 })
}

describe('free-text hygiene of the curated data', () => {
  it('reads the real data without a problem', () => {
    expect(problemsAfter('rules.yaml', (t) => t)).toEqual([])
  })

  it.each([
    ['NUL', '\u0000'], ['a terminal escape', '\u001b[31m'], ['DEL', '\u007f'], ['a C1 control', '\u0085'],
    ['a bidirectional override', '\u202e'], ['U+FFFD', '\ufffd'],
  ])('refuses %s in a free-text field, naming file, record and character', (_name, character) => {
    const problems = problemsAfter('portfolios.yaml', setIn(['portfolios', 0, 'responsibilities', 0, 'name'], `Financiën${character}x`))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/portfolios\.yaml: responsibility \S+: portfolios\.0\.responsibilities\.0\.name: holds the character U\+/)
  })

  it('refuses a file that is not valid UTF-8, naming the line', () => {
    const problems = problemsAfter('rules.yaml', (text) => Buffer.concat([Buffer.from(text.slice(0, 40)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(40))]))
    expect(problems).toEqual([expect.stringMatching(/rules\.yaml: \(file\): the file is not valid UTF-8 \(first bad byte on line \d+\)/)])
  })

  it('refuses names and texts over their length limits, and a file too large to read', () => {
    expect(problemsAfter('agreement.yaml', setIn(['parties', 0, 'name'], 'x'.repeat(301)))).toEqual([
      expect.stringMatching(/agreement\.yaml: party \S+: parties\.0\.name: is longer than 300 characters/),
    ])
    expect(problemsAfter('rules.yaml', setIn(['rules', 0, 'text'], 'woord '.repeat(4000)))).toEqual([
      expect.stringMatching(/rules\.yaml: rule 1: rules\.0\.text: is longer than 20000 characters/),
    ])
    // A 50 MB name was 2 GB of memory to build: such a file is refused before it is parsed.
    expect(problemsAfter('rules.yaml', (text) => text + `# ${'x'.repeat(5_000_001)}\n`)).toEqual([
      expect.stringMatching(/rules\.yaml: \(file\): the file is \d+ bytes; at most 5000000 are read/),
    ])
  })

  it('accepts only a licence from the allowed list, by SPDX identifier or IRI', () => {
    expect(problemsAfter('agreement.yaml', setIn(['license'], 'https://creativecommons.org/licenses/by/4.0/'))).toEqual([])
    for (const bad of ['Alle rechten voorbehouden', 'javascript:alert(1)', 'https://example.org/licence']) {
      expect(problemsAfter('agreement.yaml', setIn(['license'], bad))).toEqual([
        expect.stringMatching(/agreement\.yaml: \(file\): license: must be one of the allowed licences: CC0-1\.0/),
      ])
    }
  })
})
