import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAccount } from '../../src/editorial/accounts.js'
import { progressStatuses } from '../../src/editorial/progress-vocabulary.js'
import { closeRound, openRound } from '../../src/editorial/reporting-rounds.js'
import { statusLabel } from '../../src/reports/progress/progress-labels.js'
import { agreement, startEditorialServer } from '../editorial/support.js'
import { text, type Node } from '../web/html-tree.js'
import { assessedStatuses, findTable, inTwoThemes, nonZero, perStatus, publishThreeAssessments, row, sitePage, table, twiceInMeedoen } from '../web/progress-counts.js'

// The API's progressSummary counts sentences unless asked for commitments (unit: COMMITMENT); then it gives the
// numbers the site and the progress reports show for the same group. The default answer is what it always was.
let server: Awaited<ReturnType<typeof startEditorialServer>>
const page = (path: string) => sitePage(server, path)

beforeAll(async () => {
  server = await startEditorialServer()
  await publishThreeAssessments(server)
}, 60_000)
afterAll(() => server?.close())

type Summary = { total: number; assessed: number; unit?: string; counts: { status: string; count: number }[] }
type Group = {
  slug: string; name?: string; commitments: Summary; sentences: Summary; asDefault: Summary; named?: Summary
  actionsConnection: { totalCount: number; edges: { node: { slug: string; commitment: { slug: string } } }[] }
}

const data = async (query: string) => {
  const answer = await server.gql(query)
  expect(answer.body.errors, query).toBeUndefined()
  return answer.body.data
}

const fields = 'total assessed unit counts { status count }'
/** The same group's summary three ways: per commitment, per sentence asked for, and as a query of the released schema asks (no unit, no unit field). */
const summaries = `commitments: progressSummary(unit: COMMITMENT) { ${fields} } sentences: progressSummary(unit: SENTENCE) { ${fields} }
  asDefault: progressSummary { total assessed counts { status count } }`
// Each list's page is its longest list in the data (docs/api.md, cost model), so a group comes whole within MAX_COST.
const longest = { themes: 40, portfolios: 60, districts: 10 }
/**
 * Every theme, portfolio or district with its summaries and its actions. A district's page counts the commitments
 * for every district too, so its commitments are asked for with includeEveryDistrict; `named` leaves them out.
 */
const groups = async (list: keyof typeof longest): Promise<Group[]> => {
  const perCommitment = list === 'districts'
    ? summaries.replace('progressSummary(unit: COMMITMENT)', 'progressSummary(unit: COMMITMENT, includeEveryDistrict: true)')
      + ` named: progressSummary(unit: COMMITMENT) { ${fields} }`
    : summaries
  const query = `{ ${list} { slug ${list === 'themes' ? 'name' : ''} ${perCommitment} actionsConnection(first: ${longest[list]}) { totalCount edges { node { slug commitment { slug } } } } } }`
  return (await data(query))[list]
}

/** A summary as the site's table reads: Dutch status label → count, and "Totaal". */
const asSiteTable = (s: Summary) => ({ ...Object.fromEntries(s.counts.map((c) => [statusLabel(c.status as never), c.count])), Totaal: s.total })

/**
 * The site's counts of a page: its per-status table, or, while nothing there is assessed, the sentence that says
 * how many commitments wait for an assessment.
 */
function siteCounts(doc: Node): Record<string, number> {
  if (findTable(doc, 'Aantal toezeggingen per status')) return perStatus(doc)
  const waiting = /Van (de ene toezegging|de (\d+) toezeggingen) is de voortgang nog niet beoordeeld/.exec(text(doc))
  expect(waiting, 'the summary table or the sentence instead').not.toBeNull()
  const n = waiting![2] ? Number(waiting![2]) : 1
  return { [statusLabel('NOT_ASSESSED')]: n, Totaal: n }
}

/** What the released field answered for some sentences: each by the assessment of its own slug, in vocabulary order. */
function sentenceSummary(slugs: readonly string[]): Summary {
  const own = slugs.map((slug) => (assessedStatuses as Record<string, string>)[slug] ?? 'NOT_ASSESSED')
  const counts = progressStatuses.map((status) => ({ status, count: own.filter((s) => s === status).length }))
  return { total: slugs.length, assessed: own.filter((s) => s !== 'NOT_ASSESSED').length, counts }
}

/** Checks one group's three summaries against the site's page and the sentences the API lists for it. */
async function checkGroup(group: Group, path: string) {
  expect(group.commitments.unit).toBe('COMMITMENT')
  const site = siteCounts((await page(path)).doc)
  const api = asSiteTable(group.commitments)
  if (Object.keys(site).length === 2) expect(nonZero(api), path).toEqual(nonZero(site))
  else expect(api, path).toEqual(site)
  // The default is the released count of sentences, whether the unit is named or not.
  const actions = group.actionsConnection.edges.map((e) => e.node)
  expect(actions, path).toHaveLength(group.actionsConnection.totalCount)
  const expected = sentenceSummary(actions.map((a) => a.slug))
  expect(group.asDefault, path).toEqual(expected)
  expect(group.sentences, path).toEqual({ ...expected, unit: 'SENTENCE' })
}

describe('progressSummary(unit: COMMITMENT) gives the site\'s numbers; the default stays the count of sentences', () => {
  it('counts the agreement\'s 173 commitments as /voortgang and the home page do, and its 185 sentences as before', async () => {
    const { agreement: found, actions } = await data(`{ agreement { commitmentCount ${summaries} } actions(first: 0) { totalCount } }`)
    const api = asSiteTable(found.commitments)
    expect(api).toEqual(perStatus((await page('/voortgang')).doc))
    expect(api).toEqual(perStatus((await page('/')).doc))
    expect(found.commitments).toMatchObject({ total: 173, assessed: 3, unit: 'COMMITMENT' })
    expect(found.commitments.total).toBe(found.commitmentCount)
    // The sentences, as the field has always counted them: every action, the three assessed by their own slug.
    expect(actions.totalCount).toBe(185)
    expect(found.asDefault).toEqual({ total: 185, assessed: 3, counts: progressStatuses.map((status) => ({
      status, count: status === 'NOT_ASSESSED' ? 182 : Object.values(assessedStatuses).filter((s) => s === status).length,
    })) })
    expect(found.sentences).toEqual({ ...found.asDefault, unit: 'SENTENCE' })
  })

  it('counts every theme as its page and its row on /voortgang do', async () => {
    const themes = await groups('themes')
    const rows = table((await page('/voortgang')).doc, 'Aantal toezeggingen per thema en status')
    expect(themes.length).toBeGreaterThan(5)
    for (const theme of themes) {
      await checkGroup(theme, `/thema/${theme.slug}`)
      expect(nonZero(asSiteTable(theme.commitments)), theme.slug).toEqual(nonZero(row(rows, theme.name!)))
    }
    // Meedoen: a commitment stated twice counts once, and the copy of one assessed in Ontmoeten counts as that
    // commitment. Counted per sentence, both copies stay not assessed, as they always did.
    const meedoen = themes.find((t) => t.slug === 'meedoen')!
    const count = (s: Summary, status: string) => s.counts.find((c) => c.status === status)!.count
    expect([count(meedoen.commitments, 'ACHIEVED'), count(meedoen.commitments, 'PARTLY_ACHIEVED')]).toEqual([1, 1])
    expect([count(meedoen.sentences, 'ACHIEVED'), count(meedoen.sentences, 'PARTLY_ACHIEVED')]).toEqual([1, 0])
    expect(meedoen.actionsConnection.edges.map((e) => e.node.slug)).toContain(twiceInMeedoen)
    expect(meedoen.actionsConnection.edges.map((e) => e.node.slug)).not.toContain(inTwoThemes)
    const distinct = new Set(meedoen.actionsConnection.edges.map((e) => e.node.commitment.slug)).size
    expect(meedoen.commitments.total).toBe(distinct)
    expect(meedoen.commitments.total).toBeLessThan(meedoen.sentences.total)
  })

  it('counts every portfolio as its alderman\'s page does, and every district as its page does', async () => {
    const portfolios = await groups('portfolios')
    expect(portfolios.length).toBeGreaterThan(3)
    for (const portfolio of portfolios) await checkGroup(portfolio, `/wethouder/${portfolio.slug}`)
    const districts = await groups('districts')
    expect(districts.length).toBeGreaterThan(3)
    for (const district of districts) {
      await checkGroup(district, `/wijk/${district.slug}`)
      // Without includeEveryDistrict: the distinct commitments of the actions that name the district, no more.
      const named = district.actionsConnection.edges.map((e) => e.node)
      expect(district.named, district.slug).toMatchObject({ unit: 'COMMITMENT', total: new Set(named.map((a) => a.commitment.slug)).size })
      expect(district.commitments.total, district.slug).toBeGreaterThanOrEqual(district.named!.total)
    }
    expect(districts.some((d) => d.commitments.total > d.named!.total)).toBe(true)
    // The fixture reaches the groups: some portfolio and some district have a commitment assessed.
    expect(portfolios.some((p) => p.commitments.assessed > 0)).toBe(true)
    expect(districts.some((d) => d.commitments.assessed > 0)).toBe(true)
  })

  it('counts a reporting round as its page on the site does', async () => {
    const { account } = await addAccount(server.store, 'ada', 'admin')
    const actor = { account, requestId: null, client: null, now: new Date() }
    const opened = await openRound(server.store, actor, { agreement, name: 'Voortgangsrapportage 2025', peildatum: '2025-12-31', opensOn: '2026-01-01', closesOn: '2026-12-31' })
    expect(opened.userErrors).toEqual([])
    const slug = opened.record!.slug
    const closed = await closeRound(server.store, actor, agreement, slug)
    expect(closed.userErrors).toEqual([])
    // The server hears of the round within its poll.
    const query = `{ progressRound(slug: "${slug}") { closed ${summaries} } }`
    let answer = await server.gql(query)
    for (let i = 0; i < 50 && !answer.body.data?.progressRound?.closed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      answer = await server.gql(query)
    }
    expect(answer.body.errors).toBeUndefined()
    const round = answer.body.data.progressRound
    expect(round.closed).toBe(true)
    expect(asSiteTable(round.commitments)).toEqual(perStatus((await page(`/voortgang/${slug}`)).doc))
    expect(round.commitments).toMatchObject({ total: 173, assessed: 3 })
    expect(round.asDefault).toMatchObject({ total: 185, assessed: 3 })
    expect(round.sentences).toEqual({ ...round.asDefault, unit: 'SENTENCE' })
  })

  it('costs the same either way, and refuses a unit of null instead of reading it as the default', async () => {
    const cost = async (query: string) => (await server.gql(query)).body.extensions.cost.requestedQueryCost
    expect(await cost('{ themes { progressSummary(unit: COMMITMENT) { total } } }')).toBe(await cost('{ themes { progressSummary { total } } }'))
    const refused = await server.gql('{ agreement { progressSummary(unit: null) { total } } }')
    expect(refused.body.data).toBeUndefined()
    expect(refused.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
  })
})
