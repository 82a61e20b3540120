import { getIntrospectionQuery } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executableSchema } from '../../src/api/executable-schema.js'
import { seededRandom } from '../../src/synthetic/seeded-random.js'
import { createTestApp, temporaryDir, testConfig } from '../api/support.js'
import { modifiedDatabase } from '../api/modified-database.js'
import { answerFields, mergeQueries, queryText, randomQuery, type ArgumentPools, type GeneratedQuery } from '../../bench/costly-queries.js'

const app = createTestApp()
afterAll(() => app.close())
const limits = testConfig().limits

/**
 * The largest answer a request that passes the limits may get, in bytes of
 * JSON (docs/performance.md). A bound on work, counted rather than timed: the
 * CPU and memory of the worst request are measured by `npm run bench`.
 */
const maxAnswerBytes = 1_500_000

/**
 * An answer holds at most this many fields per unit of its estimated cost: introspection is costed at three
 * fields per unit, data at one per field (a connection's `edges` costs nothing but is a key of the answer).
 */
const fieldsPerCost = 3

let pools: ArgumentPools
beforeAll(async () => {
  const data = await app.data(`{ agreement { id slug } themes { id slug topics { id slug } } portfolios { id slug } districts { id slug }
    sections { id slug } budgetLines { id slug } parties { id slug } actions(first: 100) { edges { node { id slug } } } }`)
  const slugs = (items: { slug: string }[]) => items.map((i) => i.slug)
  const topics = data.themes.flatMap((t: any) => t.topics)
  pools = {
    slugs: {
      Theme: slugs(data.themes), Topic: slugs(topics), Portfolio: slugs(data.portfolios), District: slugs(data.districts),
      Section: slugs(data.sections), BudgetLine: slugs(data.budgetLines), Party: slugs(data.parties), Agreement: [data.agreement.slug],
      Action: data.actions.edges.map((e: any) => e.node.slug),
    },
    ids: [data.agreement, ...data.themes, ...topics, ...data.portfolios, ...data.districts, ...data.sections, ...data.budgetLines,
      ...data.actions.edges.map((e: any) => e.node)].map((item: { id: string }) => item.id),
    words: ['wonen', 'de', 'zorg', 'assen', 'en', 'sport', 'onderwijs', 'wijk'],
  }
})

interface Tried {
  query: GeneratedQuery
  accepted: boolean
  bytes: number
  fields: number
  cost: number
  /** The cost of the answer as given (`actualQueryCost`). */
  actual: number
  errors: string[]
}

async function tryQuery(query: GeneratedQuery): Promise<Tried> {
  const answer = await app.gql(queryText(query), query.variables)
  const errors = (answer.body.errors ?? []).map((e: any) => `${e.extensions?.code}: ${e.message}`)
  const refused = errors.some((e: string) => e.startsWith('QUERY_TOO_COMPLEX'))
  return {
    query, accepted: !refused && answer.body.data != null, bytes: JSON.stringify(answer.body).length,
    fields: answerFields(answer.body.data), cost: answer.body.extensions?.cost?.estimated ?? 0,
    actual: answer.body.extensions?.cost?.actualQueryCost ?? 0, errors,
  }
}

describe('what a request that passes the limits can cost', () => {
  it('refuses the requests the attack campaign found passing: repeated IDs, aliased copies, aliased introspection', async () => {
    const agreementId = pools.ids[0]!
    const refusals = [
      ['query($ids: [ID!]!) { nodes(ids: $ids) { ... on Agreement { sections { text } themes { vision topics { text } } } } }', { ids: Array(100).fill(agreementId) }],
      [`{ ${Array.from({ length: 30 }, (_, i) => `i${i}: __schema { types { name description fields { name description args { name description } } } }`).join(' ')} }`],
      [`{ ${Array.from({ length: 30 }, (_, i) => `s${i}: sections { text children { text } }`).join(' ')} }`],
      [`{ actions(first: 10, filter: { theme: ${JSON.stringify(Array(20_000).fill('wonen'))} }) { totalCount } }`],
    ] as const
    for (const [query, variables] of refusals) {
      const answer = await app.gql(query, variables as Record<string, unknown> | undefined)
      expect(answer.status, query.slice(0, 80)).toBe(400)
      expect(answer.body.errors[0].extensions.code, query.slice(0, 80)).toBe('QUERY_TOO_COMPLEX')
    }
  })

  it('refuses a repeated ID in nodes, which would repeat the whole object in the answer', async () => {
    const id = pools.ids[1]!
    const answer = await app.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [id, pools.ids[2], id] })
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' })
    expect((await app.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [id, pools.ids[2]] })).body.errors).toBeUndefined()
  })

  it('holds introspection to MAX_DEPTH like any other field, `ofType` chains aside', async () => {
    const shallow = createTestApp({ limits: { maxDepth: 5 } })
    try {
      const deep = await shallow.gql('{ __schema { types { fields { args { type { name } } } } } }')
      expect(deep.status).toBe(400)
      expect(deep.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'MAX_DEPTH' })
      const wrapped = await shallow.gql('{ __schema { queryType { fields { type { ofType { ofType { ofType { name } } } } } } } }')
      expect(wrapped.body.errors).toBeUndefined()
    } finally {
      await shallow.close()
    }
  })

  it('stops a request whose lists turn out longer in another database than the estimate\'s bounds', async () => {
    // The bounds are this data's longest lists: a database where one topic states a whole theme's actions exceeds them.
    const dir = temporaryDir('open-akkoord-long-lists-')
    let slug = ''
    const path = await modifiedDatabase(dir.dir, 'long-lists', (data) => {
      const theme = data.themes.reduce((a, b) => (b.data.topics.length > a.data.topics.length ? b : a))
      const [first, ...rest] = theme.data.topics
      for (const topic of rest) first!.actions.push(...topic.actions.splice(0))
      slug = first!.slug
    })
    const tight = createTestApp({ databasePath: path, limits: { maxCost: 20 } })
    try {
      const answer = await tight.gql(`{ topic(slug: "${slug}") { actions { slug } } }`)
      expect(answer.body.extensions.cost.requestedQueryCost).toBeLessThanOrEqual(20)
      expect(answer.body.data.topic).toBeNull()
      expect(answer.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'MAX_COST' })
      expect((await tight.gql(`{ topic(slug: "${slug}") { slug } }`)).body.errors).toBeUndefined()
    } finally {
      await tight.close()
      dir.remove()
    }
  })

  it('costs introspection by what it returns, and still lets GraphiQL\'s full introspection through', async () => {
    const answer = await app.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))
    expect(answer.body.errors).toBeUndefined()
    const fields = answerFields(answer.body.data)
    // Three introspection fields per unit of cost: about the CPU of one data field (docs/performance.md).
    expect(answer.body.extensions.cost.estimated).toBeGreaterThanOrEqual(fields / 3)
    // The schema grows (facets, nested connections, budget summaries): full introspection must stay under the limit.
    expect(answer.body.extensions.cost.estimated).toBeLessThan(limits.maxCost)
  })

  it('finds, by a seeded search, no request within the limits whose answer outgrows its cost or the documented bound', async () => {
    const random = seededRandom(20_261_201)
    const tried: Tried[] = []
    for (let i = 0; i < 200; i++) tried.push(await tryQuery(randomQuery(random, executableSchema, pools, limits.maxDepth)))
    // Grow the largest accepted requests by merging them with others, as an attacker would, while they still pass.
    for (let round = 0; round < 60; round++) {
      const accepted = tried.filter((t) => t.accepted).sort((a, b) => b.bytes - a.bytes)
      const base = accepted[Math.floor(random() * Math.min(5, accepted.length))]!
      const other = accepted[Math.floor(random() * accepted.length)]!
      tried.push(await tryQuery(mergeQueries(base.query, other.query)))
    }
    const accepted = tried.filter((t) => t.accepted)
    const refused = tried.filter((t) => !t.accepted)
    // The search is only worth something if it explores both sides of the limits.
    expect(accepted.length).toBeGreaterThan(60)
    expect(refused.length).toBeGreaterThan(10)
    // The estimate is an upper bound: no accepted request costs more, as answered, than it was estimated at.
    const underestimated = accepted.filter((t) => t.actual > t.cost)
    expect(underestimated.map((t) => `actual ${t.actual} > estimated ${t.cost}: ${queryText(t.query).slice(0, 300)}`)).toEqual([])
    expect(accepted.filter((t) => t.actual > 0).length).toBeGreaterThan(50)
    const outgrown = accepted.filter((t) => t.fields > fieldsPerCost * t.cost + 10)
    expect(outgrown.map((t) => `${t.fields} fields for cost ${t.cost}: ${queryText(t.query).slice(0, 300)}`)).toEqual([])
    const worst = accepted.reduce((a, b) => (b.bytes > a.bytes ? b : a))
    const ratio = Math.max(...accepted.map((t) => t.fields / Math.max(1, t.cost)))
    console.info(`cost search: ${accepted.length} accepted, ${refused.length} refused; largest answer ${worst.bytes} bytes, ${worst.fields} fields, cost ${worst.cost}; most fields per cost ${ratio.toFixed(2)}`)
    expect(worst.bytes, queryText(worst.query).slice(0, 500)).toBeLessThanOrEqual(maxAnswerBytes)
    expect(worst.cost).toBeLessThanOrEqual(limits.maxCost)
  })
})
