import SQLite from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import jsonld from 'jsonld'
import { Parser, type Quad } from 'n3'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { ownNamespace } from '../../src/publication/own-terms.js'
import { ns } from '../../src/publication/vocabulary.js'
import { servedPublication } from './publication-fixture.js'

/**
 * Issue 28, "joinable districts": every district carries its CBS wijk and
 * buurt codes in every format, and while no code has been checked against a
 * published CBS list they are empty, with the reason. Every file is fetched
 * over HTTP from a served publication and read back with a parser of its own.
 */
let origin: string
let close: () => Promise<void>
const workdir = mkdtempSync(join(tmpdir(), 'open-akkoord-cbs-'))
const get = async (path: string, accept?: string) => {
  const response = await fetch(`${origin}${path}`, accept ? { headers: { accept } } : {})
  expect(response.status, path).toBe(200)
  return response
}

const codeFields = ['cbs_wijk_code', 'cbs_buurt_codes', 'cbs_code_year', 'cbs_code_reason']
const slugs = ['kloosterveen', 'lariks', 'centrum', 'peelo', 'assen-oost', 'buitendorpen', 'assen-west', 'marsdijk', 'noorderpark', 'pittelo']
let csv: Record<string, string>[]
let reasons: Map<string, string>

beforeAll(async () => {
  ;({ origin, close } = await servedPublication('cbs'))
  csv = parse(await (await get('/data/csv/districts.csv')).text(), { columns: true })
  reasons = new Map(csv.map((row) => [row.slug!, row.cbs_code_reason!]))
})
afterAll(async () => {
  await close?.()
  rmSync(workdir, { recursive: true, force: true })
})

describe('the CBS codes of the districts', () => {
  it('are in the districts CSV: empty codes and year, and a Dutch reason for every district', () => {
    expect(csv.map((row) => row.slug)).toEqual(slugs)
    for (const row of csv) {
      for (const field of codeFields) expect(Object.keys(row), row.slug).toContain(field)
      expect([row.cbs_wijk_code, row.cbs_buurt_codes, row.cbs_code_year], row.slug).toEqual(['', '', ''])
      expect(row.cbs_code_reason, row.slug).toMatch(/^Nog geen CBS-(wijk)?codes?[:.] .*Wijk- en Buurtkaart.*Kerncijfers wijken en buurten.*niet beschikbaar\.$/)
    }
    // The villages are no wijk by that name for certain: their reason says buurt codes may be what they get.
    expect(reasons.get('buitendorpen')).toMatch(/buurtcodes van de dorpen/)
  })

  it('are described in the Table Schema: optional, with the CBS patterns, an empty cell a missing value', async () => {
    const descriptor = await (await get('/data/datapackage.json')).json()
    const schema = descriptor.resources.find((r: { name: string }) => r.name === 'districts').schema
    expect(schema.missingValues).toEqual([''])
    const fields = new Map<string, { type: string; description: string; constraints?: { required?: boolean; pattern?: string } }>(
      schema.fields.map((f: { name: string }) => [f.name, f]),
    )
    expect(codeFields.map((name) => fields.get(name)?.type)).toEqual(['string', 'string', 'year', 'string'])
    for (const name of codeFields) {
      expect(fields.get(name)!.constraints?.required, name).not.toBe(true)
      expect(fields.get(name)!.description.length, name).toBeGreaterThan(40)
    }
    // Table Schema patterns match the whole value.
    const whole = (name: string) => new RegExp(`^(?:${fields.get(name)!.constraints!.pattern})$`)
    expect(['WK010608', 'WK0106', 'WK010708', 'wk010608', '010608'].map((v) => whole('cbs_wijk_code').test(v))).toEqual([true, false, false, false, false])
    expect(['BU01060801', 'BU01060801 BU01060802', 'BU0106080', 'BU01060801,BU01060802', 'BU01060801 '].map((v) => whole('cbs_buurt_codes').test(v)))
      .toEqual([true, true, false, false, false])
  })

  it('are null in the NDJSON table and in the nested JSON document, with the reason', async () => {
    const lines = (await (await get('/data/ndjson/districts.ndjson')).text()).trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.map((d) => d.slug)).toEqual(slugs)
    for (const d of lines) {
      expect([d.cbs_wijk_code, d.cbs_buurt_codes, d.cbs_code_year], d.slug).toEqual([null, null, null])
      expect(d.cbs_code_reason, d.slug).toBe(reasons.get(d.slug))
    }
    const doc = await (await get('/data/json/assen-2022-2026.json')).json()
    const districts = doc.portfolios.flatMap((p: { districts: unknown[] }) => p.districts)
    expect(districts.map((d: { slug: string }) => d.slug)).toEqual(slugs)
    for (const d of districts) expect(d.cbs, d.slug).toEqual({ wijkCode: null, buurtCodes: [], year: null, reason: reasons.get(d.slug) })
  })

  it('state no code in RDF, only the reason in Dutch, in Turtle and JSON-LD alike', async () => {
    const turtle = new Parser({ format: 'text/turtle' }).parse(await (await get('/data/rdf/open-akkoord.ttl')).text())
    const nquads = (await jsonld.toRDF(await (await get('/data/rdf/open-akkoord.jsonld')).json(), {
      format: 'application/n-quads', documentLoader: (async (url: string) => { throw new Error(`no network: ${url}`) }) as never,
    })) as unknown as string
    const fromJsonLd = new Parser({ format: 'application/n-quads' }).parse(nquads)
    for (const quads of [turtle, fromJsonLd]) {
      const about = (name: string) => quads.filter((q) => q.predicate.value === ownNamespace + name)
      expect(about('cbsWijkCode')).toEqual([])
      expect(about('cbsBuurtCode')).toEqual([])
      expect(about('cbsCodeYear')).toEqual([])
      const districts = quads.filter((q) => q.predicate.value === ns.rdf + 'type' && q.object.value === ownNamespace + 'District').map((q) => q.subject.value)
      expect(districts).toHaveLength(10)
      for (const district of districts) {
        const notes = about('cbsCodeReason').filter((q) => q.subject.value === district).map((q) => q.object as Quad['object'] & { language: string })
        const slug = district.split('/').at(-1)!
        expect(notes.map((o) => [o.termType, o.language, o.value]), district).toEqual([['Literal', 'nl', reasons.get(slug)]])
      }
    }
  })

  it('are defined in the vocabulary at /def with Dutch and English labels, definitions, domain and range', async () => {
    const vocabulary = new Parser().parse(await (await get('/def', 'text/turtle')).text())
    const of = (s: string, p: string) => vocabulary.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object)
    const ranges = { cbsWijkCode: ns.xsd + 'string', cbsBuurtCode: ns.xsd + 'string', cbsCodeYear: ns.xsd + 'gYear', cbsCodeReason: ns.rdf + 'langString' }
    for (const [name, range] of Object.entries(ranges)) {
      const iri = ownNamespace + name
      for (const p of [ns.rdfs + 'label', ns.rdfs + 'comment']) {
        expect(of(iri, p).map((o) => (o as { language: string }).language).sort(), `${name} ${p}`).toEqual(['en', 'nl'])
      }
      expect(of(iri, ns.rdfs + 'domain').map((o) => o.value), name).toEqual([ownNamespace + 'District'])
      expect(of(iri, ns.rdfs + 'range').map((o) => o.value), name).toEqual([range])
    }
  })

  it('are columns of the SQLite download and of the workbook, empty but for the reason', async () => {
    const path = join(workdir, 'download.sqlite')
    writeFileSync(path, Buffer.from(await (await get('/data/open-akkoord.sqlite')).arrayBuffer()))
    const db = new SQLite(path, { readonly: true })
    const rows = db.prepare('SELECT slug, cbs_wijk_code, cbs_buurt_codes, cbs_code_year, cbs_code_reason FROM district ORDER BY position').all() as Record<string, unknown>[]
    db.close()
    expect(rows.map((r) => [r.slug, r.cbs_wijk_code, r.cbs_buurt_codes, r.cbs_code_year, r.cbs_code_reason]))
      .toEqual(slugs.map((slug) => [slug, null, null, null, reasons.get(slug)]))

    const book = XLSX.read(Buffer.from(await (await get('/data/open-akkoord.xlsx')).arrayBuffer()))
    const sheet: Record<string, unknown>[] = XLSX.utils.sheet_to_json(book.Sheets.Wijken!, { defval: null })
    expect(sheet.map((r) => [r.Sleutel, r['CBS-wijkcode'], r['CBS-buurtcodes'], r['Jaar CBS-lijst'], r['Toelichting CBS-codes']]))
      .toEqual(slugs.map((slug) => [slug, null, null, null, reasons.get(slug)]))
  })

  it('are fields of District in the GraphQL API: null, an empty list and the reason', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ districts { slug cbsWijkCode cbsBuurtCodes cbsCodeYear cbsCodeReason } }' }),
    })
    const body = await response.json()
    expect(response.status, JSON.stringify(body.errors)).toBe(200)
    expect(body.data.districts).toEqual(slugs.map((slug) => ({ slug, cbsWijkCode: null, cbsBuurtCodes: [], cbsCodeYear: null, cbsCodeReason: reasons.get(slug) })))
  })
})
