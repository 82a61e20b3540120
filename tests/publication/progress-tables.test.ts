import { parse } from 'csv-parse/sync'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DataFactory, Parser, Store } from 'n3'
import XLSX from 'xlsx'
import { beforeAll, describe, expect, it } from 'vitest'
import { toGlobalId } from '../../src/model/global-id.js'
import { ownNamespace } from '../../src/publication/own-terms.js'
import { ns } from '../../src/publication/vocabulary.js'
import { agreement, history } from './progress-fixture.js'
import { sharedPublication } from './publication-fixture.js'

/**
 * The published progress of the shared publication (progress-fixture.ts: two
 * assessments of one action, one retracted assessment, two measurements,
 * drafts), read back with csv-parse, JSON.parse, SheetJS and n3.
 */
const { namedNode } = DataFactory
let dir: string
const csv = (name: string) => parse(readFileSync(join(dir, `csv/${name}.csv`)), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[]
const ndjson = (name: string) => readFileSync(join(dir, `ndjson/${name}.ndjson`), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
const actionIdOf = (slug: string) => toGlobalId('Action', agreement, slug)

beforeAll(async () => {
  ;({ dir } = await sharedPublication())
})

describe('the progress tables', () => {
  it('hold every published assessment with its history and retraction, and no draft', () => {
    const rows = csv('progress-assessments')
    expect(rows.map((r) => [r.action_id, r.revision, r.status, r.is_current])).toEqual([
      [actionIdOf(history.assessedTwice), '1', 'NOT_STARTED', 'false'],
      [actionIdOf(history.assessedTwice), '2', 'IN_PROGRESS', 'true'],
      [actionIdOf(history.retracted), '1', 'ACHIEVED', 'false'],
    ])
    const retracted = rows[2]!
    expect(retracted.retraction_reason).toBe('Te vroeg: het besluit volgt pas in de begroting.')
    expect(retracted.retracted_at).toBe('2026-04-02T09:30:00.000Z')
    expect(retracted.published_at).toBe('2026-03-13T09:30:00.000Z')
    expect(retracted.retraction_id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(rows.every((r) => r.explanation !== history.draftWords)).toBe(true)
    expect(rows.map((r) => r.action_id)).not.toContain(actionIdOf(history.draftOnly))
    // No file of the release holds a draft's words or an account's name.
    const texts = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(csv|ndjson|json|jsonld|ttl|txt)$/.test(e.name))
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8')).join('\n')
    for (const secret of [history.draftWords, 'Redacteur', 'Controleur']) expect(texts).not.toContain(secret)
  })

  it('hold the measurements with exact values and the evidence in order, keyed to their revisions', () => {
    const measurements = ndjson('target-measurements')
    expect(measurements.map((m) => [m.target_id, m.value, m.is_current])).toEqual([
      [toGlobalId('Target', agreement, history.measuredTarget), 1200, true], [toGlobalId('Target', agreement, history.measuredTarget), 1850.5, true],
    ])
    expect(csv('target-measurements')[1]!.value).toBe('1850.5')
    const evidence = csv('assessment-evidence')
    const second = csv('progress-assessments')[1]!
    expect(evidence.filter((e) => e.assessment_id === second.id).map((e) => [e.position, e.evidence_kind, e.document_date, e.title])).toEqual([
      ['1', 'raadsinformatiebrief', '2026-02-01', 'Raadsinformatiebrief jongerenbeleid'], ['2', 'begroting', '', 'Begroting 2026, "programma 2", jeugd'],
    ])
    expect(csv('measurement-evidence').map((e) => e.measurement_id)).toEqual(measurements.map((m) => m.id))
  })

  it('are described with keys and foreign keys in the Data Package', () => {
    const resources = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')).resources as { name: string; schema: { primaryKey?: string[]; foreignKeys?: unknown[] } }[]
    const schema = (name: string) => resources.find((r) => r.name === name)!.schema
    expect(schema('progress-assessments').primaryKey).toEqual(['id'])
    expect(schema('progress-assessments').foreignKeys).toContainEqual({ fields: ['action_id'], reference: { resource: 'actions', fields: ['id'] } })
    expect(schema('target-measurements').foreignKeys).toContainEqual({ fields: ['target_id'], reference: { resource: 'targets', fields: ['id'] } })
    expect(schema('assessment-evidence').primaryKey).toEqual(['assessment_id', 'position'])
    expect(schema('measurement-evidence').foreignKeys).toContainEqual({ fields: ['measurement_id'], reference: { resource: 'target-measurements', fields: ['id'] } })
  })

  it('travel in the nested JSON: an action\'s status and history, a target\'s measurements, the paragraph of each action', () => {
    const document = JSON.parse(readFileSync(join(dir, `json/${agreement}.json`), 'utf8'))
    const actions = [...document.themes.flatMap((t: any) => t.topics).flatMap((t: any) => t.actions)]
    const twice = actions.find((a: any) => a.slug === history.assessedTwice)
    expect(twice.progress.status).toBe('IN_PROGRESS')
    expect(twice.progress.history.map((h: any) => [h.revision, h.status, h.current])).toEqual([[1, 'NOT_STARTED', false], [2, 'IN_PROGRESS', true]])
    expect(twice.progress.history[1].evidence).toHaveLength(2)
    expect(twice.context).toContain(twice.text)
    expect(actions.find((a: any) => a.slug === history.retracted).progress).toMatchObject({ status: 'NOT_ASSESSED', statusLabel: 'Niet beoordeeld' })
    expect(actions.find((a: any) => a.slug === history.retracted).progress.history[0].retraction.reason).toContain('Te vroeg')
    const target = actions.flatMap((a: any) => a.targets).find((t: any) => t.slug === history.measuredTarget)
    expect(target.measurements.map((m: any) => m.value)).toEqual([1200, 1850.5])
  })

  it('are linked data: status concepts, evidence cited, values as decimals', () => {
    const store = new Store(new Parser().parse(readFileSync(join(dir, 'rdf/open-akkoord.ttl'), 'utf8')))
    const assessments = store.getSubjects(namedNode(ns.rdf + 'type'), namedNode(`${ownNamespace}ProgressAssessment`), null)
    expect(assessments).toHaveLength(3)
    const statuses = assessments.flatMap((s) => store.getObjects(s, namedNode(`${ownNamespace}progressStatus`), null).map((o) => o.value)).sort()
    expect(statuses).toEqual(['ACHIEVED', 'IN_PROGRESS', 'NOT_STARTED'].map((s) => `${ownNamespace}progressStatus-${s}`))
    const citations = store.getQuads(null, namedNode(`${ns.schema}citation`), null, null)
    expect(citations.length).toBe(csv('assessment-evidence').length + csv('measurement-evidence').length)
    const value = store.getObjects(null, namedNode(`${ns.schema}value`), null).find((o) => o.value === '1850.5')
    expect(value && (value as { datatype: { value: string } }).datatype.value).toBe(`${ns.xsd}decimal`)
  })

  it('show in the workbook: a sheet per table with Dutch headers and dates, the current status on Toezeggingen', () => {
    const workbook = XLSX.read(readFileSync(join(dir, 'open-akkoord.xlsx')), { cellDates: true })
    const rows = (sheet: string) => XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets[sheet]!)
    const progress = rows('Voortgang van acties')
    expect(progress).toHaveLength(3)
    expect(progress[1]).toMatchObject({ Status: 'IN_PROGRESS', Versie: 2, 'Geldt nu': true })
    // Published 2026-03-11T09:30Z: 10:30 in Assen, shown as Dutch wall-clock time.
    expect((progress[1]!['Gepubliceerd op'] as Date).toISOString()).toBe('2026-03-11T10:30:00.000Z')
    expect(rows('Metingen van doelen').map((m) => m.Waarde)).toEqual([1200, 1850.5])
    const commitments = rows('Toezeggingen')
    const row = commitments.find((r) => r['Actie-ID'] === actionIdOf(history.assessedTwice))!
    expect(row).toMatchObject({ Voortgang: 'In uitvoering' })
    expect((row['Voortgang per'] as Date).toISOString().slice(0, 10)).toBe('2026-03-10')
    expect(commitments.find((r) => r['Actie-ID'] === actionIdOf(history.retracted))!.Voortgang).toBe('Niet beoordeeld')
  })
})

describe('the actions\' context', () => {
  it('quotes the paragraph around every action, the sentence inside it', () => {
    const actions = csv('actions')
    expect(actions.every((a) => a.context!.includes(a.text!))).toBe(true)
    const sport = actions.find((a) => a.slug === 'sportactiviteiten-dichtbij-in-de-wijken')!
    expect(sport.context!.startsWith('We vinden het belangrijk dat iedereen kan meedoen aan sportactiviteiten. Deze brengen we')).toBe(true)
    expect(ndjson('actions').find((a) => a.slug === sport.slug)!.context).toBe(sport.context)
  })
})
