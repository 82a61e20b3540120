import { getIntrospectionQuery } from 'graphql'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { executableSchema } from '../src/api/executable-schema.js'
import { seededRandom } from '../src/synthetic/seeded-random.js'
import { createTestApp, testConfig } from '../tests/api/support.js'
import { answerFields, mergeQueries, queryText, randomQuery, type GeneratedQuery } from './costly-queries.js'

/**
 * `npx tsx bench/worst-request.ts`: the seeded search of tests/hostile/cost-bounds.test.ts, run longer, then the
 * CPU time and transient heap of the most expensive requests that still pass the limits, each against the CPU
 * of a small uncached query measured side by side (ratios: absolute times depend on the machine and its load).
 */
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const app = createTestApp({ parseCacheBytes: 0 })
const limits = testConfig().limits

interface Measured { name: string; bytes: number; cost: number; cpuMs: number; heapBytes: number }

async function measure(name: string, query: string, variables?: Record<string, unknown>): Promise<Measured> {
  let cpuMs = Infinity
  let heapBytes = 0
  let last: any
  for (let run = 0; run < 7; run++) {
    gc()
    const heap = process.memoryUsage().heapUsed
    const started = process.cpuUsage()
    last = await app.gql(query, variables)
    const cpu = process.cpuUsage(started)
    heapBytes = Math.max(heapBytes, process.memoryUsage().heapUsed - heap)
    if (run > 1) cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000)
  }
  return { name, bytes: JSON.stringify(last.body).length, cost: last.body.extensions?.cost?.estimated ?? 0, cpuMs, heapBytes }
}

const data = await app.data(`{ agreement { id slug } themes { id slug topics { id slug } } portfolios { id slug } districts { id slug }
  sections { id slug } budgetLines { id slug } parties { id slug } actions(first: 100) { edges { node { id slug } } } }`)
const slugs = (items: { slug: string }[]) => items.map((i) => i.slug)
const topics = data.themes.flatMap((t: any) => t.topics)
const pools = {
  slugs: { Theme: slugs(data.themes), Topic: slugs(topics), Portfolio: slugs(data.portfolios), District: slugs(data.districts), Section: slugs(data.sections),
    BudgetLine: slugs(data.budgetLines), Party: slugs(data.parties), Agreement: [data.agreement.slug], Action: data.actions.edges.map((e: any) => e.node.slug) },
  ids: [data.agreement, ...data.themes, ...topics, ...data.portfolios, ...data.sections, ...data.actions.edges.map((e: any) => e.node)].map((i: any) => i.id),
  words: ['wonen', 'de', 'zorg', 'assen', 'en', 'sport', 'onderwijs', 'wijk'],
}
const random = seededRandom(20_261_201)
const tried: { query: GeneratedQuery; bytes: number; accepted: boolean; fields: number }[] = []
const attempt = async (query: GeneratedQuery) => {
  const answer = await app.gql(queryText(query), query.variables)
  const refused = (answer.body.errors ?? []).some((e: any) => e.extensions?.code === 'QUERY_TOO_COMPLEX')
  tried.push({ query, bytes: JSON.stringify(answer.body).length, accepted: !refused && answer.body.data != null, fields: answerFields(answer.body.data) })
}
for (let i = 0; i < 600; i++) await attempt(randomQuery(random, executableSchema, pools, limits.maxDepth))
for (let round = 0; round < 400; round++) {
  const accepted = tried.filter((t) => t.accepted).sort((a, b) => b.bytes - a.bytes)
  await attempt(mergeQueries(accepted[Math.floor(random() * Math.min(5, accepted.length))]!.query, accepted[Math.floor(random() * accepted.length)]!.query))
}
const worst = tried.filter((t) => t.accepted).sort((a, b) => b.bytes - a.bytes).slice(0, 3)

const baseline = await measure('baseline: { themes { slug name } }', '{ themes { slug name } }')
const rows = [
  baseline,
  await measure('GraphiQL full introspection', getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true })),
  await measure('hand-made: themes > topics > actions > theme > topics text', '{ themes { topics { text actions { text theme { topics { text } } } } } }'),
]
for (const [i, t] of worst.entries()) rows.push(await measure(`search #${i + 1}`, queryText(t.query), t.query.variables))
console.log(`${tried.length} requests tried, ${tried.filter((t) => t.accepted).length} passed the limits\n`)
console.log('| request | answer | cost | CPU vs baseline | transient heap |\n|---|---|---|---|---|')
for (const r of rows) console.log(`| ${r.name} | ${(r.bytes / 1000).toFixed(0)} kB | ${r.cost} | ${(r.cpuMs / baseline.cpuMs).toFixed(1)}x | ${(r.heapBytes / 1e6).toFixed(1)} MB |`)
console.log(`\nbaseline CPU on this machine: ${baseline.cpuMs.toFixed(2)} ms`)
await app.close()
