import { seededRandom } from '../../src/synthetic/seeded-random.js'

/** One bad request, and what counts as a correct answer to it. */
export interface HostileRequest {
  category: string
  method: string
  path: string
  headers: Record<string, string>
  body?: Buffer
  /**
   * rejected: a 4xx, or a 200 carrying GraphQL errors (GraphQL over HTTP with application/json).
   * answered: anything but a 5xx (a search for FTS operators may find nothing, a well-formed unknown ID is null).
   */
  expect: 'rejected' | 'answered'
}

type Random = () => number
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1))
const json = 'application/json'
const accepts = ['application/graphql-response+json', 'application/json', '*/*', '']

function post(random: Random, body: Buffer | string, contentType = json): Pick<HostileRequest, 'method' | 'path' | 'headers' | 'body'> {
  const accept = pick(random, accepts)
  return { method: 'POST', path: '/graphql', headers: { 'content-type': contentType, ...(accept ? { accept } : {}) }, body: Buffer.from(body) }
}

function graphql(random: Random, query: string, variables?: unknown): Pick<HostileRequest, 'method' | 'path' | 'headers' | 'body'> {
  if (random() < 0.3 && query.length < 4000) {
    const params = new URLSearchParams({ query })
    if (variables !== undefined) params.set('variables', JSON.stringify(variables))
    return { method: 'GET', path: `/graphql?${params}`, headers: { accept: pick(random, accepts.slice(0, 2)) } }
  }
  return post(random, JSON.stringify({ query, variables }))
}

const good = [
  '{ themes { slug name topics { slug title } } }',
  'query ($slug: String!) { theme(slug: $slug) { name topics { actions { text } } } }',
  '{ actions(first: 5) { edges { node { id text } } } }',
  '{ search(query: "wonen") { totalCount } }',
]
// Characters that break GraphQL's grammar, SQLite FTS5's query syntax, JSON and paths.
const breakers = ['{', '}', '(', ')', '"', '\\', '$', '@', '...', '#', ':', '!', '[', ']', '\u0000', '\u2028', '"""', '*', '^', '-', '\'']
const ftsNoise = ['"', '*', 'NEAR(', 'NEAR/3', 'AND', 'OR', 'NOT', '^', ':', '(', ')', '-', '+', '{title text}:', 'title:', '""', '\'', '\\', '%', '_', '\u0000', 'é', '🏠']

const generators: Record<string, (random: Random) => Omit<HostileRequest, 'category'>> = {
  syntaxError: (r) => {
    const base = pick(r, good)
    const cut = base.slice(0, int(r, 1, base.length - 1))
    return { ...graphql(r, `${cut}${pick(r, breakers)}${pick(r, breakers)}`), expect: 'rejected' }
  },
  unknownField: (r) => ({ ...graphql(r, pick(r, [
    `{ themes { slug nosuchfield${int(r, 0, 999)} } }`, `{ nosuchquery${int(r, 0, 999)} }`, 'mutation { deleteEverything }',
    'subscription { themes { slug } }', '{ themes(nosucharg: 1) { slug } }', '{ __type(name: "Theme") { nosuch } }',
  ])), expect: 'rejected' }),
  wrongVariableType: (r) => {
    const [query, variables] = pick(r, [
      ['query ($n: Int) { actions(first: $n) { totalCount } }', [{ n: 'ten' }, { n: 1.5 }, { n: 2 ** 40 }, { n: [1] }, { n: { x: 1 } }]],
      ['query ($s: String!) { theme(slug: $s) { name } }', [{ s: 42 }, { s: null }, {}, { s: ['wonen'] }, { s: { slug: 'wonen' } }]],
      ['query ($f: ActionFilter) { actions(filter: $f) { totalCount } }', [{ f: { kind: ['NOSUCHKIND'] } }, { f: 'x' }, { f: { theme: 5 } }, { f: { nosuch: true } }, { f: { hasBudget: 'yes' } }]],
      ['query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', [{ ids: [null] }, { ids: [{}] }, { ids: [true] }, {}, { ids: null }]],
    ] as const)
    return { ...graphql(r, query, pick(r, variables)), expect: 'rejected' }
  },
  deepNesting: (r) => {
    const depth = int(r, 14, 300)
    const query = `{ themes { ${'topics { theme { '.repeat(depth)}slug${' } }'.repeat(depth)} } }`
    return { ...post(r, JSON.stringify({ query })), expect: 'rejected' }
  },
  aliasFlood: (r) => {
    const count = int(r, 31, 3000)
    return { ...post(r, JSON.stringify({ query: `{ ${Array.from({ length: count }, (_, i) => `a${i}: themes { slug }`).join(' ')} }` })), expect: 'rejected' }
  },
  fragmentCycle: (r) => ({ ...graphql(r, pick(r, [
    'fragment A on Theme { ...B } fragment B on Theme { ...A } { themes { ...A } }',
    'fragment A on Theme { topics { theme { ...A } } } { themes { ...A } }',
    `{ themes { ...F${int(r, 0, 99)} } }`,
  ])), expect: 'rejected' }),
  directiveFlood: (r) => {
    const count = int(r, 21, 2000)
    const directive = pick(r, ['@include(if: true)', '@skip(if: false)', '@nosuch', '@deprecated'])
    return { ...post(r, JSON.stringify({ query: `{ themes ${directive.concat(' ').repeat(count)}{ slug } }` })), expect: 'rejected' }
  },
  hugeString: (r) => {
    const size = pick(r, [20_000, 99_000, 150_000, 1_000_000])
    const text = 'x'.repeat(size)
    return { ...(size < 99_500 ? graphql(r, `{ search(query: "${text}") { totalCount } }`) : post(r, JSON.stringify({ query: `{ theme(slug: "${text}") { name } }` }))), expect: 'rejected' }
  },
  hugeList: (r) => {
    const count = pick(r, [101, 1000, 20_000])
    return { ...post(r, JSON.stringify({ query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: Array.from({ length: count }, (_, i) => `QWN0aW9uOj${i}`) } })), expect: 'rejected' }
  },
  oversizedFirst: (r) => {
    const first = pick(r, ['101', '1000000', '-1', '2147483648', '1e20', '0.5', '"ten"'])
    const field = pick(r, [`actions(first: ${first})`, `search(query: "wonen", first: ${first})`, `actions(last: ${first}, before: "x")`])
    return { ...graphql(r, `{ ${field} { totalCount } }`), expect: 'rejected' }
  },
  invalidJson: (r) => ({ ...post(r, pick(r, ['{"query":', '[]', 'null', '"str"', '{"query": 1}', '{"query": "{ themes { slug } }", "variables": "nope"}', '', '{"query": "{ themes { slug } }", "operationName": 5}', String.fromCharCode(...Array.from({ length: 64 }, () => int(r, 0, 255)))])), expect: 'rejected' }),
  invalidUtf8: (r) => {
    if (r() < 0.5) return { method: 'GET', path: `/graphql?query=%7B%20search(query%3A%20%22${pick(r, ['%FF%FE', '%C3%28', '%ED%A0%80', '%F8%88%80%80'])}%22)%20%7B%20totalCount%20%7D%20%7D&x`, headers: { accept: json }, expect: 'answered' }
    const body = Buffer.concat([Buffer.from('{"query": "{ search(query: \\"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, int(r, 0x80, 0xff)]), Buffer.from('\\") { totalCount } }"}')])
    return { ...post(r, body), expect: 'answered' }
  },
  wrongContentType: (r) => {
    const type = pick(r, ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'image/png', 'application/graphql', 'application/json; charset=latin-99'])
    // graphql-yoga reads JSON whatever charset the header names: lenient, but never harmful, so it only must not fail.
    return { ...post(r, JSON.stringify({ query: '{ themes { slug } }' }), type), expect: type.includes('charset') ? 'answered' : 'rejected' }
  },
  ftsSearch: (r) => {
    const words = Array.from({ length: int(r, 1, 12) }, () => pick(r, ftsNoise) + (r() < 0.5 ? pick(r, ['wonen', 'zorg', 'x', '']) : ''))
    return { ...graphql(r, 'query ($q: String!) { search(query: $q, first: 5) { totalCount edges { node { excerpt } } } }', { q: words.join(pick(r, [' ', '', '"'])) }), expect: 'answered' }
  },
  bogusId: (r) => {
    const raw = pick(r, ['Action:', 'Theme:../../etc/passwd', 'Action:\' OR 1=1 --', 'Nope:1', ':', 'Action:assen-2022-2026:nosuch', 'Agreement:%00', '\u0000\u0001'])
    const id = pick(r, [Buffer.from(raw).toString('base64url'), Buffer.from(raw).toString('base64'), raw, '!!!', 'x'.repeat(int(r, 1, 5000)), ''])
    return { ...graphql(r, 'query ($id: ID!) { node(id: $id) { id } }', { id }), expect: 'answered' }
  },
  traversalData: (r) => ({ method: pick(r, ['GET', 'HEAD']), path: `/data/${traversal(r)}`, headers: {}, expect: 'answered' }),
  traversalReports: (r) => ({ method: 'GET', path: `/reports/${pick(r, ['', 'theme/', 'full/', 'theme/wonen/'])}${traversal(r)}${pick(r, ['', '.pdf', '.html'])}`, headers: {}, expect: 'answered' }),
  traversalRoot: (r) => ({ method: 'GET', path: `/${pick(r, ['', 'thema/', 'assets/', 'graphql/', 'schema.graphql/', 'graphiql/'])}${traversal(r)}`, headers: { accept: pick(r, ['text/html', '*/*']) }, expect: 'answered' }),
  badPercentEncoding: (r) => {
    const bad = pick(r, ['%E0%A4%A', '%ZZ', '%', '%C3%28', '%FF', '%C0%AE%C0%AE', '%ED%A0%80', '%F8%88%80%80'])
    const path = pick(r, [`/reports/theme/${bad}.pdf`, `/reports/${bad}/x.html`, `/data/${bad}`, `/thema/${bad}`, `/${bad}`, `/graphql${bad}`, `/static/${bad}`])
    return { method: 'GET', path, headers: { accept: pick(r, ['text/html', '*/*']) }, expect: 'rejected' }
  },
  repeatedIds: (r) => {
    const id = Buffer.from('Agreement:assen-2022-2026').toString('base64url')
    return { ...graphql(r, 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Agreement { sections { text } themes { vision topics { text } } } } }', { ids: Array(int(r, 40, 100)).fill(id) }), expect: 'rejected' }
  },
  aliasedCopies: (r) => {
    const field = pick(r, ['sections { text children { text } }', '__schema { types { name fields { name args { name } } } }', 'themes { topics { text } }', 'rules { text }'])
    return { ...post(r, JSON.stringify({ query: `{ ${Array.from({ length: int(r, 2, 30) }, (_, i) => `c${i}: ${field}`).join(' ')} }` })), expect: 'rejected' }
  },
  longFilterList: (r) => ({ ...post(r, JSON.stringify({ query: 'query ($t: [String!]) { actions(first: 5, filter: { theme: $t }) { totalCount } }', variables: { t: Array(int(r, 5_001, 9_000)).fill('wonen') } })), expect: 'rejected' }),
  persistedQuery: (r) => {
    const hash = pick(r, ['', 'x', 'g'.repeat(64), 'a'.repeat(63), 'A'.repeat(64), '0'.repeat(64), '../../etc/passwd', 'a'.repeat(int(r, 65, 5000)), '%00'])
    const persistedQuery = pick(r, [{ version: 1, sha256Hash: hash }, { version: pick(r, [0, 2, '1', null, -1, 1e20]), sha256Hash: '0'.repeat(64) }, hash, { version: 1 }, [hash], 1])
    // An unknown hash alone, a hash that is not the query's, a malformed one, or a document ID that names nothing.
    const body = pick(r, [
      { extensions: { persistedQuery } }, { query: '{ themes { slug } }', extensions: { persistedQuery } },
      { documentId: pick(r, ['sha256:', `sha256:${hash}`, hash, 'md5:abc', '../persisted-documents.json', 'x'.repeat(int(r, 1, 5000))]) },
      { documentId: 42 }, { extensions: pick(r, ['persistedQuery', 1, [], null]) },
    ])
    if (r() < 0.3) {
      const params = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))
      return { method: 'GET', path: `/graphql?${params}`, headers: { accept: pick(r, accepts.slice(0, 2)) }, expect: 'rejected' }
    }
    return { ...post(r, JSON.stringify(body)), expect: 'rejected' }
  },
  beheerRequests: (r) => {
    // Signed out, with forged or broken cookies and junk forms: a redirect to the sign-in page, a 403 or a 4xx, never more.
    const path = `/beheer${pick(r, ['', '/', '/aanmelden', '/afmelden', '/beoordelen', '/beoordelen/1/publiceren', `/beoordelen/${int(r, -5, 1e9)}/terugsturen`, '/afspraak/x', '/doel/x', `/afspraak/${traversal(r)}`, `/${traversal(r)}`])}`
    const junk = pick(r, ['', 'x', '%ZZ', 'a'.repeat(int(r, 1, 4000)), 'oa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '<script>alert(1)</script>'])
    const cookie = pick(r, ['', `oa_beheer=${junk}`, `oa_aanmelden=${junk}`, `__Secure-oa_beheer=${junk}; oa_beheer=${junk}`, 'oa_beheer', ';;=;'])
    const headers: Record<string, string> = { accept: 'text/html', ...(cookie ? { cookie } : {}), ...(r() < 0.5 ? { origin: pick(r, ['https://evil.example', 'null', 'http://127.0.0.1']) } : {}) }
    if (r() < 0.4) return { method: pick(r, ['GET', 'HEAD']), path, headers, expect: 'answered' }
    const form = pick(r, ['', `csrf=${junk}&token=${junk}`, `csrf=&status=ACHIEVED&explanation=${junk}`, 'a=%ZZ&&&=', String.fromCharCode(...Array.from({ length: 64 }, () => int(r, 0, 255)))])
    return { method: 'POST', path, headers: { ...headers, 'content-type': pick(r, ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) }, body: Buffer.from(form), expect: 'answered' }
  },
  oddMethod: (r) => ({ method: pick(r, ['PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND', 'FOO', 'MKCOL', 'LOCK']), path: pick(r, ['/graphql', '/data/', '/data/SHA256SUMS', '/reports/full.pdf', '/', '/thema/wonen', '/healthz']), headers: {}, expect: 'rejected' }),
}

const targets = ['etc/passwd', 'package.json', 'tsconfig.json', 'src/config.ts', 'db/open-akkoord.sqlite', '.git/config', 'proc/self/environ']
const ups = ['../', '..%2f', '%2e%2e/', '%2e%2e%2f', '..%252f', '%252e%252e%252f', '..\\', '..%5c', '%2e%2e%5c', '.%2e/', '....//', '%c0%ae%c0%ae/']

/** A path that tries to climb out of its folder: encoded, double-encoded, backslashed, NUL-cut or very long. */
function traversal(random: Random): string {
  const kind = random()
  if (kind < 0.08) return `${'a/'.repeat(int(random, 100, 4000))}x`
  if (kind < 0.12) return '<script>alert(1)</script>'
  const up = pick(random, ups)
  const suffix = random() < 0.2 ? pick(random, ['%00', '%00.csv', '\u0000'.replace('\u0000', '%00'), '?x=1', '#frag']) : ''
  return `${up.repeat(int(random, 1, 12))}${pick(random, targets)}${suffix}`
}

/** The categories, in the order the generator cycles through them. */
export const hostileCategories = Object.keys(generators)

/** count bad requests, the same ones for the same seed, cycling through every category. */
export function hostileRequests(count: number, seed: number): HostileRequest[] {
  const random = seededRandom(seed)
  return Array.from({ length: count }, (_, i) => {
    const category = hostileCategories[i % hostileCategories.length]!
    return { category, ...generators[category]!(random) }
  })
}
