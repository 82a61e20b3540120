import { parse } from 'csv-parse/sync'
import { readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Parser } from 'n3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, projectRoot } from '../../src/config.js'
import { ensurePublication } from '../../src/publication/ensure-publication.js'
import { progressRefresher } from '../../src/publication/progress-refresh.js'
import { currentRelease } from '../../src/publication/release-store.js'
import { ns } from '../../src/publication/vocabulary.js'
import { actionId, assessment, publishProgress, recordProgress, retractProgress, startEditorialServer } from '../editorial/support.js'
import { progressStore } from './progress-fixture.js'
import { baseUrl, publisherName, publisherUri } from './publication-fixture.js'

/**
 * The editorial cycle driven over HTTP against a running server with its own
 * temporary editorial store and publication folder: a draft never reaches
 * /data/, a publication and a retraction do, on the next request, without a
 * restart. Files are read back with csv-parse, JSON.parse and n3.
 */
const slug = 'nieuw-jongerenbeleid-met-asser-jeugd'
const draftWords = 'CONCEPTTEKST DIE NIEMAND MAG ZIEN'
let server: Awaited<ReturnType<typeof startEditorialServer>>
let publicationDir: string

const get = async (path: string) => {
  const response = await fetch(`${server.base}${path}`)
  return { status: response.status, headers: response.headers, text: await response.text() }
}
const csv = async (path: string): Promise<Record<string, string>[]> => parse((await get(path)).text, { columns: true, record_delimiter: '\r\n' })
/** Every text file of the current release on disk (the zip and the workbook hold the same, compressed). */
const releaseTexts = (): string => readdirSync(currentRelease(publicationDir), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(csv|ndjson|json|jsonld|ttl|txt)$/.test(e.name))
  .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8')).join('\n')

beforeAll(async () => {
  publicationDir = join(await mkdtemp(join(tmpdir(), 'open-akkoord-progress-http-')), 'publication')
  server = await startEditorialServer({ PUBLICATION_DIR: publicationDir, PUBLIC_BASE_URL: baseUrl })
  server.account('eva', 'editor')
  server.account('rob', 'reviewer')
  // What `npm start` does before it serves: the first release, from the same store.
  await ensurePublication({
    publicationDir, root: projectRoot, databasePath: loadConfig({}).databasePath, baseUrl, publisherUri, publisherName, editorial: server.store,
  })
})
afterAll(() => server?.close())

describe('progress in /data/ of a running server', () => {
  it('starts with empty progress tables and every action not assessed', async () => {
    expect(await csv('/data/csv/progress-assessments.csv')).toEqual([])
    const flat = await csv('/data/toezeggingen.csv')
    expect(new Set(flat.map((r) => r.Voortgang))).toEqual(new Set(['Niet beoordeeld']))
    expect(JSON.parse((await get('/data/datapackage.json')).text).version).toBe('2026-11-28')
  })

  it('never shows a draft, then shows a publication on the next request, with the catalogue dated by it', async () => {
    const recorded = await server.gql(recordProgress, { input: assessment(slug, { explanation: draftWords }) }, server.tokens.eva)
    const draftId = recorded.body.data.recordProgress.assessment.id as string
    expect((await get('/data/csv/progress-assessments.csv')).text).not.toContain(draftWords)
    expect(releaseTexts()).not.toContain(draftWords)

    const published = await server.gql(publishProgress, { id: draftId }, server.tokens.rob)
    expect(published.body.data.publishProgress.userErrors).toEqual([])
    const rows = await csv('/data/csv/progress-assessments.csv')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ id: draftId, action_id: actionId(slug), status: 'IN_PROGRESS', as_of: '2025-12-31', is_current: 'true', retraction_id: '' })
    const evidence = await csv('/data/csv/assessment-evidence.csv')
    expect(evidence).toEqual([expect.objectContaining({ assessment_id: draftId, position: '1', url: 'https://assen.bestuurlijkeinformatie.nl/Document/1', evidence_kind: 'raadsinformatiebrief' })])
    // A published draft is public; no account name, token or e-mail travels with it.
    expect(releaseTexts()).toContain(draftWords)
    expect(releaseTexts()).not.toMatch(/\beva\b|\brob\b/)

    const publishedAt = rows[0]!.published_at!
    const catalog = new Parser().parse((await get('/data/catalog.ttl')).text)
    const modified = catalog.find((q) => q.subject.value === `${baseUrl}/id/dataset/open-akkoord` && q.predicate.value === `${ns.dct}modified`)!
    expect(modified.object.value).toBe(publishedAt)
    expect((modified.object as { datatype: { value: string } }).datatype.value).toBe(`${ns.xsd}dateTime`)
    const version = publishedAt.slice(0, 10)
    expect(JSON.parse((await get('/data/datapackage.json')).text).version).toBe(version)
    const file = await get('/data/csv/progress-assessments.csv')
    expect(new Date(file.headers.get('last-modified')!).getTime()).toBe(Math.floor(Date.parse(publishedAt) / 1000) * 1000)
    const index = JSON.parse((await get('/data/')).text)
    expect(JSON.stringify(index)).toContain(version)
    const flat = await csv('/data/toezeggingen.csv')
    expect(flat.find((r) => r['Actie-ID'] === actionId(slug))).toMatchObject({ Voortgang: 'In uitvoering', 'Voortgang per': '2025-12-31' })

    const nested = JSON.parse((await get('/data/json/assen-2022-2026.json')).text)
    const action = nested.themes.flatMap((t: any) => t.topics).flatMap((t: any) => t.actions).find((a: any) => a.slug === slug)
    expect(action.progress).toMatchObject({ status: 'IN_PROGRESS', statusLabel: 'In uitvoering', history: [{ id: draftId, status: 'IN_PROGRESS', current: true, retraction: null }] })
    const turtle = new Parser().parse((await get('/data/rdf/open-akkoord.ttl')).text)
    const statusTriple = turtle.find((q) => q.predicate.value === 'https://w3id.org/open-akkoord/def#progressStatus')!
    expect(statusTriple.object.value).toBe('https://w3id.org/open-akkoord/def#progressStatus-IN_PROGRESS')
  })

  it('shows a published retraction on the next request; the draft of a newer assessment stays out', async () => {
    const [row] = await csv('/data/csv/progress-assessments.csv')
    const newer = await server.gql(recordProgress, { input: assessment(slug, { status: 'ACHIEVED', explanation: `${draftWords} (2)` }) }, server.tokens.eva)
    expect(newer.body.data.recordProgress.userErrors).toEqual([])
    const retraction = await server.gql(retractProgress, { id: row!.id, reason: 'De brief ging over een ander project.' }, server.tokens.eva)
    expect(retraction.body.data.retractProgress.userErrors).toEqual([])
    await server.gql(publishProgress, { id: retraction.body.data.retractProgress.retraction.id }, server.tokens.rob)

    const rows = await csv('/data/csv/progress-assessments.csv')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ id: row!.id, is_current: 'false', retraction_id: retraction.body.data.retractProgress.retraction.id, retraction_reason: 'De brief ging over een ander project.' })
    expect(rows[0]!.retracted_at! >= rows[0]!.published_at!).toBe(true)
    expect(releaseTexts()).not.toContain(`${draftWords} (2)`)
    const flat = await csv('/data/toezeggingen.csv')
    expect(flat.find((r) => r['Actie-ID'] === actionId(slug))!.Voortgang).toBe('Niet beoordeeld')
    const catalog = new Parser().parse((await get('/data/catalog.ttl')).text)
    expect(catalog.find((q) => q.subject.value === `${baseUrl}/id/dataset/open-akkoord` && q.predicate.value === `${ns.dct}modified`)!.object.value)
      .toBe(rows[0]!.retracted_at)
  })

  it('serves the status concept scheme under /def by content negotiation', async () => {
    const response = await fetch(`${server.base}/def`, { headers: { accept: 'text/turtle' } })
    const quads = new Parser().parse(await response.text())
    const concept = 'https://w3id.org/open-akkoord/def#progressStatus-PARTLY_ACHIEVED'
    expect(quads.filter((q) => q.subject.value === concept).map((q) => [q.predicate.value, q.object.value])).toEqual(expect.arrayContaining([
      [`${ns.rdf}type`, `${ns.skos}Concept`], [`${ns.skos}inScheme`, 'https://w3id.org/open-akkoord/def#ProgressStatuses'], [`${ns.skos}prefLabel`, 'Deels gerealiseerd'],
    ]))
    const html = await fetch(`${server.base}/def`, { headers: { accept: 'text/html' } })
    expect(await html.text()).toContain('Deels gerealiseerd')
  })

  it('leaves alone a release written from another editorial store (the start and SIGHUP replace it)', async () => {
    const other = await progressStore()
    try {
      const before = realpathSync(currentRelease(publicationDir))
      const refresh = progressRefresher({
        publicationDir, root: projectRoot, databasePath: loadConfig({}).databasePath, baseUrl, publisherUri, publisherName, editorial: other.store,
      })
      await refresh()
      expect(realpathSync(currentRelease(publicationDir))).toBe(before)
    } finally {
      await other.store.close()
      rmSync(other.dir, { recursive: true, force: true })
    }
  })
})
