import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parse } from 'csv-parse/sync'
import { Parser, Store } from 'n3'
import XLSX from 'xlsx'
import { beforeAll, describe, expect, it } from 'vitest'
import { ownNamespace } from '../../src/publication/own-terms.js'
import { currentRelease } from '../../src/publication/release-store.js'
import { ns } from '../../src/publication/vocabulary.js'
import { readZip } from './read-zip.js'
import { dumpInto } from './publication-fixture.js'

const assen = 'https://www.assen.nl/open-akkoord'
let dir: string

/** Every file under a folder, hidden ones too, as relative paths. */
const filesUnder = (root: string): string[] => readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)))

beforeAll(async () => {
  const root = join(await mkdtemp(join(tmpdir(), 'open-akkoord-files-')), 'publication')
  await dumpInto(root, assen)
  dir = currentRelease(root)
})

describe('a dump for assen.nl', () => {
  it('says "localhost" nowhere: no file, no zip entry, no part of the workbook', () => {
    const files = filesUnder(dir)
    expect(files.length).toBeGreaterThan(50)
    for (const file of files) {
      const bytes = readFileSync(join(dir, file))
      expect(bytes.includes('localhost'), file).toBe(false)
      if (/\.(zip|xlsx)$/.test(file)) {
        for (const entry of readZip(bytes)) {
          expect(entry.data.includes('localhost'), `${file}: ${entry.name}`).toBe(false)
          if (entry.name.endsWith('.xlsx')) for (const inner of readZip(entry.data)) expect(inner.data.includes('localhost'), `${entry.name}: ${inner.name}`).toBe(false)
        }
      }
    }
    expect(readFileSync(join(dir, '.current-catalog.ttl'), 'utf8')).toContain(`<${assen}/data/csv/actions.csv>`)
    expect(readFileSync(join(dir, 'catalog.ttl'), 'utf8')).toContain(`<${assen}/data/releases/2026-11-28/csv/actions.csv>`)
  })
})

describe('the Excel workbook', () => {
  it('reads back with SheetJS: the commitments first, then a sheet per table with Dutch headers, real numbers and dates', () => {
    const workbook = XLSX.read(readFileSync(join(dir, 'open-akkoord.xlsx')), { cellDates: true })
    expect(workbook.SheetNames[0]).toBe('Toezeggingen')
    expect(workbook.SheetNames).toHaveLength(28)
    expect(workbook.SheetNames).toContain('Acties')
    expect(workbook.SheetNames.every((name) => name.length <= 31)).toBe(true)
    const rows = (sheet: string) => XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets[sheet]!)
    const actions = parse(readFileSync(join(dir, 'csv/actions.csv')), { columns: true }) as Record<string, string>[]
    const acties = rows('Acties')
    expect(acties).toHaveLength(actions.length)
    expect(Object.keys(acties[0]!)).toEqual(expect.arrayContaining(['ID', 'Akkoord-ID', 'Sleutel', 'Volgorde', 'Soort', 'Tekst', 'Eerste bronregel']))
    expect(acties[0]!.Tekst).toBe(actions[0]!.text)
    expect(typeof acties[0]!.Volgorde).toBe('number')
    const amounts = rows('Begrotingsbedragen')
    expect(amounts.every((r) => typeof r['Bedrag (euro)'] === 'number' && typeof r.Afgeleid === 'boolean')).toBe(true)
    const agreement = rows('Akkoorden')[0]!
    expect(agreement['Gepresenteerd op']).toBeInstanceOf(Date)
    expect((agreement['Gepresenteerd op'] as Date).toISOString().slice(0, 10)).toBe((parse(readFileSync(join(dir, 'csv/agreements.csv')), { columns: true }) as Record<string, string>[])[0]!.presented_on)
    const commitments = rows('Toezeggingen')
    expect(commitments).toHaveLength(actions.length)
    expect(Object.keys(commitments[0]!).slice(0, 6)).toEqual(['Akkoord', 'Thema', 'Onderwerp', 'Nummer', 'Toezegging', 'Soort'])
  })

  it('freezes the header row of every sheet', () => {
    const sheets = readZip(readFileSync(join(dir, 'open-akkoord.xlsx'))).filter((e) => /^\/?xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    expect(sheets).toHaveLength(28)
    for (const sheet of sheets) expect(sheet.data.toString('utf8'), sheet.name).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/)
  })
})

describe('the flat commitments table', () => {
  it('has every action once, in Dutch, with kind, aldermen and source lines', () => {
    const rows = parse(readFileSync(join(dir, 'toezeggingen.csv')), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[]
    const actions = parse(readFileSync(join(dir, 'csv/actions.csv')), { columns: true }) as Record<string, string>[]
    expect(rows.map((r) => r['Actie-ID']).sort()).toEqual(actions.map((a) => a.id).sort())
    expect(new Set(rows.map((r) => r.Soort))).toEqual(new Set(['Nieuw', 'Voortzetten', 'Intensiveren', 'Onderzoeken', 'Belangen behartigen', 'In gesprek', 'Ondersteunen']))
    expect(rows.filter((r) => r.Wethouders).length).toBeGreaterThan(150)
    expect(rows.every((r) => Number(r['Eerste bronregel']) <= Number(r['Laatste bronregel']))).toBe(true)
  })
})

describe('the LEESMIJ', () => {
  it('travels in the zip and says what the files are, how to open them in Excel, how to cite the release, and the licence', () => {
    const readme = readFileSync(join(dir, 'LEESMIJ.txt'), 'utf8')
    const inZip = readZip(readFileSync(join(dir, 'open-akkoord.zip'))).find((e) => e.name.endsWith('/LEESMIJ.txt'))!
    expect(inZip.data.toString('utf8')).toBe(readme)
    for (const text of ['DE BESTANDEN', 'OPENEN IN EXCEL', 'HOE DE DATA GEMAAKT IS', 'CITEREN', 'LICENTIE', '65001: Unicode (UTF-8)', 'csv/actions.csv', `${assen}/data/releases/`, 'CC0']) {
      expect(readme).toContain(text)
    }
  })
})

describe('the RDF', () => {
  it('states each triple once, gives amounts their currency, and licence, municipality and kinds as IRIs', () => {
    const quads = new Parser().parse(readFileSync(join(dir, 'rdf/open-akkoord.ttl'), 'utf8'))
    expect(new Store(quads).size).toBe(quads.length)
    const store = new Store(quads)
    const amounts = store.getSubjects(ns.rdf + 'type', ns.schema + 'MonetaryAmount', null)
    expect(amounts.length).toBeGreaterThan(50)
    for (const amount of amounts) expect(store.getObjects(amount, ns.schema + 'currency', null).map((c) => c.value)).toEqual(['EUR'])
    const agreement = `${assen}/id/agreement/assen-2022-2026`
    expect(store.getObjects(agreement, ns.dct + 'license', null).map((o) => [o.termType, o.value])).toEqual([['NamedNode', 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl']])
    expect(store.getObjects(agreement, ownNamespace + 'municipality', null).map((o) => o.value)).toEqual(['https://identifier.overheid.nl/tooi/id/gemeente/gm0106'])
    const kinds = store.getObjects(null, ownNamespace + 'kind', null)
    expect(kinds.every((k) => k.termType === 'NamedNode' && k.value.startsWith(`${ownNamespace}actionKind-`))).toBe(true)
    expect(readFileSync(join(dir, 'rdf/open-akkoord.ttl'), 'utf8')).toContain('@prefix akkoord: <https://w3id.org/open-akkoord/def#>')
  })
})
