import { describe, expect, it } from 'vitest'
import { emptyProgressSnapshot, type ProgressSnapshot } from '../../src/editorial/progress-snapshot.js'
import { findRound } from '../../src/editorial/reporting-rounds.js'
import { pictureModified } from '../../src/web/progress/picture-modified.js'
import { agreement, assessment, publishProgress, recordProgress, sqlRow } from '../editorial/support.js'
import { parseXml } from '../publication/atom.js'
import { housing, teamPerFile } from './team.js'
import { sql } from 'kysely'

// Every reporting round has a page of its own (/voortgang/<round>) that a search engine should find: the sitemap
// lists each, from the first moment the public can see it, dated by what that page shows.
const team = teamPerFile()

const ns = '{http://www.sitemaps.org/schemas/sitemap/0.9}'

/** The sitemap as a crawler reads it: path → lastmod, parsed as XML. */
async function sitemap(): Promise<Map<string, string>> {
  const response = await fetch(`${team.server.base}/sitemap.xml`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
  const urlset = parseXml(await response.text())
  expect(urlset.name).toBe(`${ns}urlset`)
  const entries = urlset.children.map((url) => {
    const field = (name: string) => url.children.find((c) => c.name === `${ns}${name}`)!.text
    return [new URL(field('loc')).pathname, field('lastmod')] as const
  })
  const map = new Map(entries)
  expect(map.size, 'no address twice').toBe(entries.length)
  for (const lastmod of map.values()) expect(lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  return map
}

const roundPaths = (map: Map<string, string>) => [...map.keys()].filter((p) => p.startsWith('/voortgang/')).sort()
const day = (iso: string | null | undefined) => iso!.slice(0, 10)

async function openRound(name: string, peildatum: string) {
  expect((await team.as.ada!.post('/beheer/rondes', { name, peildatum, opensOn: '1-12-2026', closesOn: '31-12-2026', csrf: await team.as.ada!.formToken('/beheer/rondes') })).status).toBe(303)
}
async function closeRound(slug: string) {
  expect((await team.as.ada!.post(`/beheer/rondes/${slug}/sluiten`, { csrf: await team.as.ada!.formToken('/beheer/rondes') })).status).toBe(303)
}
async function publish(slug: string, status: string): Promise<string> {
  const recorded = await team.server.gql(recordProgress, { input: assessment(slug, { status }) }, team.server.tokens.eva)
  const id = recorded.body.data.recordProgress.assessment.id
  expect((await team.server.gql(publishProgress, { id }, team.server.tokens.rob)).body.data.publishProgress.userErrors).toEqual([])
  return (await sqlRow<{ at: string }>(team.server.store, sql`SELECT published_at AS at FROM publication ORDER BY id DESC LIMIT 1`)).at
}

/** Every page the sitemap lists answers 200 to a browser (the open data index needs a publication, which this server has none of). */
async function everyPageAnswers(map: Map<string, string>) {
  for (const path of [...map.keys()].filter((p) => !p.startsWith('/data/'))) {
    expect((await fetch(`${team.server.base}${path}`, { headers: { accept: 'text/html' } })).status, path).toBe(200)
  }
}

describe('round pages in sitemap.xml', () => {
  it('lists /voortgang and no round page before the first round', async () => {
    const map = await sitemap()
    expect(map.has('/voortgang')).toBe(true)
    expect(roundPaths(map)).toEqual([])
    await everyPageAnswers(map)
  })

  it('lists a round as soon as it is opened, dated by its opening, then by its latest publication', async () => {
    // The pages that show no progress are dated by the data version.
    const dataVersion = (await sitemap()).get('/')!
    await openRound('Voortgangsrapportage 2025', '31-12-2025')
    const opened = (await findRound(team.server.store, agreement, 'voortgangsrapportage-2025'))!
    let map = await sitemap()
    expect(roundPaths(map)).toEqual(['/voortgang/voortgangsrapportage-2025'])
    expect(map.get('/voortgang/voortgangsrapportage-2025')).toBe([dataVersion, day(opened.openedAt)].sort().at(-1))
    await everyPageAnswers(map)

    const publishedAt = await publish(housing, 'IN_PROGRESS')
    map = await sitemap()
    expect(map.get('/voortgang/voortgangsrapportage-2025')).toBe([dataVersion, day(opened.openedAt), day(publishedAt)].sort().at(-1))
    expect(map.get('/voortgang')).toBe(map.get('/voortgang/voortgangsrapportage-2025'))
  })

  it('keeps a closed round listed, dated by its closing, and adds the next round', async () => {
    await closeRound('voortgangsrapportage-2025')
    const closed = (await findRound(team.server.store, agreement, 'voortgangsrapportage-2025'))!
    let map = await sitemap()
    const closedDate = map.get('/voortgang/voortgangsrapportage-2025')!
    expect(closedDate >= day(closed.closedAt)).toBe(true)

    // A reload gives the same sitemap, and a revalidation a 304, until a round opens.
    const get = (headers: Record<string, string> = {}) => fetch(`${team.server.base}/sitemap.xml`, { headers })
    const first = await get()
    const etag = first.headers.get('etag')!
    expect(await (await get()).text()).toBe(await first.text())
    expect((await get({ 'if-none-match': etag })).status).toBe(304)
    await openRound('Voortgangsrapportage 2026', '30-6-2026')
    const changed = await get({ 'if-none-match': etag })
    expect(changed.status).toBe(200)
    expect(await changed.text()).toContain('/voortgang/voortgangsrapportage-2026</loc>')
    await publish(housing, 'ACHIEVED')
    map = await sitemap()
    expect(roundPaths(map)).toEqual(['/voortgang/voortgangsrapportage-2025', '/voortgang/voortgangsrapportage-2026'])
    // The closed round's page did not change with the new publication, nor did its date.
    expect(map.get('/voortgang/voortgangsrapportage-2025')).toBe(closedDate)
    expect(map.get('/voortgang')! >= map.get('/voortgang/voortgangsrapportage-2026')!).toBe(true)
    await everyPageAnswers(map)
  })
})

describe('the date of a progress page', () => {
  const round = { id: 1, agreement, slug: 'voortgangsrapportage-2025', name: 'Voortgangsrapportage 2025', peildatum: '2025-12-31', opensOn: '2026-01-01', closesOn: '2026-02-01', closedGeneration: 3 }
  const published = (at: string) => ({ ...emptyProgressSnapshot, recent: () => [{ publication: { publishedAt: at } }] }) as unknown as ProgressSnapshot
  it('is the latest of the data version, the round\'s opening and closing and the latest publication it shows', () => {
    const picture = (snapshot: ProgressSnapshot, closedAt: string | null) => ({ ...snapshot, cacheKey: '', round: { ...round, openedAt: '2026-01-02T09:00:00.000Z', closedAt } })
    expect(pictureModified(picture(emptyProgressSnapshot, null), '2025-11-28')).toBe('2026-01-02')
    expect(pictureModified(picture(published('2026-01-20T10:00:00.000Z'), null), '2025-11-28')).toBe('2026-01-20')
    expect(pictureModified(picture(published('2026-01-20T10:00:00.000Z'), '2026-02-03T12:00:00.000Z'), '2025-11-28')).toBe('2026-02-03')
    // A new version of the agreement's text changes every page.
    expect(pictureModified(picture(published('2026-01-20T10:00:00.000Z'), '2026-02-03T12:00:00.000Z'), '2026-03-01')).toBe('2026-03-01')
    expect(pictureModified({ ...emptyProgressSnapshot, cacheKey: '', round: null }, '2025-11-28')).toBe('2025-11-28')
  })
})
