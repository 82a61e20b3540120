import Database from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'
import { sqlRow, startEditorialServer } from '../editorial/support.js'
import type { BeheerClient } from '../web/beheer-client.js'
import { actionPath, housing, signInTeam, statusForm } from './team.js'

let server: Awaited<ReturnType<typeof startEditorialServer>>
let as: Record<string, BeheerClient> = {}
let content: Database.Database

beforeAll(async () => {
  server = await startEditorialServer()
  as = await signInTeam(server)
  content = new Database(`${projectRoot}/db/open-akkoord.sqlite`, { readonly: true })
})
afterAll(() => {
  content?.close()
  return server?.close()
})

/** The actions a search of /beheer lists, by the slug of the editorial page each result links to, and the heading's count. */
async function search(query: string): Promise<{ status: number; slugs: string[]; heading: string }> {
  const answer = await as.eva!.get(`/beheer?${query}`)
  const body = await answer.text()
  const list = /<ul class="action-list">(.*?)<\/ul>/s.exec(body)?.[1] ?? ''
  return { status: answer.status, slugs: [...list.matchAll(/href="\/beheer\/afspraak\/([a-z0-9-]+)"/g)].map((m) => m[1]!), heading: /<h2 id="resultaat">(.*?)<\/h2>/s.exec(body)?.[1] ?? '' }
}

const slugsWhere = (sql: string, ...params: unknown[]) => (content.prepare(sql).all(...params) as { slug: string }[]).map((r) => r.slug).sort()

describe('searching in /beheer', () => {
  it('finds an action by its topic, text, short name and number, each result linking to its editorial page', async () => {
    const pool = await search('zoek=zwembad')
    expect(pool.status).toBe(200)
    expect([...pool.slugs].sort()).toEqual(slugsWhere("SELECT a.slug FROM action a JOIN topic t ON t.id = a.topic_id WHERE t.title = 'Zwembad'"))
    expect(pool.heading).toBe('4 afspraken met “zwembad”')
    // Dutch stems: "woning" finds "woningen"; the start of a word finds it too.
    expect((await search('zoek=woning+3000')).slugs).toContain(housing)
    expect((await search('zoek=buitenzwem')).slugs).toEqual(expect.arrayContaining(['vooronderzoek-buitenzwembad']))
    expect((await search(`zoek=${housing}`)).slugs).toEqual([housing])
    const id = (content.prepare('SELECT id FROM action WHERE slug = ?').get(housing) as { id: number }).id
    expect((await search(`zoek=${id}`)).slugs).toContain(housing)
  })

  it('finds by theme and by alderman as the filters do, and combines words with the filters', async () => {
    const wonen = slugsWhere("SELECT a.slug FROM action a JOIN topic tp ON tp.id = a.topic_id JOIN theme t ON t.id = tp.theme_id WHERE t.name = 'Wonen'")
    expect((await search('zoek=wonen')).slugs).toEqual(expect.arrayContaining(wonen))
    const staal = slugsWhere("SELECT a.slug FROM action a JOIN action_portfolio ap ON ap.action_id = a.id JOIN portfolio p ON p.id = ap.portfolio_id WHERE p.slug = 'staal'")
    expect([...(await search('zoek=cor+staal')).slugs].sort()).toEqual(expect.arrayContaining(staal))
    const both = await search('zoek=woningen&thema=wonen')
    expect(both.slugs.length).toBeGreaterThan(0)
    expect(both.slugs.every((slug) => wonen.includes(slug))).toBe(true)
    const nothing = await search('zoek=zwembad&thema=wonen')
    expect([nothing.slugs, nothing.heading]).toEqual([[], '0 afspraken met “zwembad”'])
  })

  it('finds by public status and by assignee, the second time after the status changed', async () => {
    expect((await search('zoek=in+uitvoering')).slugs).not.toContain(housing)
    const evaId = (await sqlRow<{ id: number }>(server.store, sql`SELECT id FROM account WHERE name = 'eva'`)).id
    await as.rob!.post(`${actionPath}/toewijzen`, { accountId: String(evaId), csrf: await as.rob!.formToken(actionPath) })
    expect((await search('toegewezen=eva')).slugs).toEqual([housing])
    expect((await search('zoek=eva')).slugs).toContain(housing)
    expect((await search('toegewezen=niemand')).slugs).not.toContain(housing)
    await as.eva!.post(actionPath, { ...statusForm('IN_PROGRESS', 'De bouw is gestart.'), csrf: await as.eva!.formToken(actionPath) })
    const draft = (await sqlRow<{ id: number }>(server.store, sql`SELECT max(id) AS id FROM revision`)).id
    await as.rob!.post(`/beheer/beoordelen/${draft}/publiceren`, { csrf: await as.rob!.formToken('/beheer/beoordelen') })
    expect((await search('zoek=in+uitvoering+woningen')).slugs).toEqual([housing])
  })

  it('is reached from the overview, and answers odd searches with a page, never an error', async () => {
    const overview = await (await as.rob!.get('/beheer/overzicht')).text()
    expect(overview).toMatch(/<form class="filters" method="get" action="\/beheer" role="search">/)
    for (const query of ['zoek=%3Cscript%3Ealert(1)%3C%2Fscript%3E', `zoek=${'a'.repeat(5000)}`, 'zoek=%00%FF', 'toegewezen=%3Cb%3E', 'zoek=&toegewezen=']) {
      const answer = await as.eva!.get(`/beheer?${query}`)
      const body = await answer.text()
      expect(answer.status, query).toBe(200)
      expect(body).not.toContain('<script>alert(1)')
    }
  })
})
