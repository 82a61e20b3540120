import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CriticalityLevel, diff } from '@graphql-inspector/core'
import { buildSchema, isInterfaceType, isObjectType, isInputObjectType, type GraphQLSchema } from 'graphql'
import { parse as parseHtml } from 'parse5'
import sax from 'sax'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executableSchema, printedSchema } from '../../src/api/executable-schema.js'
import { readSchemaChangelog, releasedSchema, schemaReleases, type SchemaChange } from '../../src/api/schema-changelog.js'
import { projectRoot } from '../../src/config.js'
import { all, attr, text, type Node } from '../web/html-tree.js'
import { startTestServer } from './support.js'

/** The breaking changes from one schema to the next that no `breaking` entry of the changelog records. */
async function unrecordedBreakingChanges(before: GraphQLSchema, after: GraphQLSchema, changelog: SchemaChange[]): Promise<string[]> {
  const recorded = new Set(changelog.filter((e) => e.kind === 'breaking').flatMap((e) => e.changes))
  const changes = await diff(before, after)
  return changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .filter((c) => !recorded.has(c.path ?? '') && !recorded.has((c.path ?? '').split('.').slice(0, 2).join('.')))
    .map((c) => `${c.path}: ${c.message}`)
}

const changelog = readSchemaChangelog()
const releases = schemaReleases()

describe('the released schemas and the schema changelog', () => {
  it('keeps the release before the typed dates and today\'s, oldest first', () => {
    expect(releases.slice(0, 2)).toEqual(['2026-12-02', '2026-12-07'])
  })

  it('records every breaking change between consecutive releases, with date, reason and what clients must change', async () => {
    for (let i = 1; i < releases.length; i++) {
      const before = buildSchema(releasedSchema(releases[i - 1]!))
      const after = buildSchema(releasedSchema(releases[i]!))
      expect(await unrecordedBreakingChanges(before, after, changelog), `${releases[i - 1]} to ${releases[i]}`).toEqual([])
    }
    // The 16 changes of commit 0dfb1fa, acknowledged after the fact.
    const breaking = (await diff(buildSchema(releasedSchema('2026-12-02')), buildSchema(releasedSchema('2026-12-07'))))
      .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    expect(breaking).toHaveLength(16)
  })

  it('fails on a breaking change of the current schema against the last release that the changelog does not record', async () => {
    const last = buildSchema(releasedSchema(releases.at(-1)!))
    expect(await unrecordedBreakingChanges(last, executableSchema, changelog)).toEqual([])
    // The check can fail: a removed field and a changed type are caught, and recording them silences it.
    const broken = buildSchema(printedSchema().replace(/^ {2}visionShort: String$/m, '  visionAbridged: String').replace(/^ {2}startLine: Int!$/m, '  startLine: String!'))
    const found = await unrecordedBreakingChanges(last, broken, changelog)
    expect(found.map((f) => f.split(':')[0])).toEqual(expect.arrayContaining(['Theme.visionShort', 'Source.startLine']))
    const recorded: SchemaChange = { date: '2027-01-01', release: '2027-01-01', kind: 'breaking', title: 't', reason: 'a reason long enough to count', replacement: 'what to do instead', changes: ['Theme.visionShort', 'Source.startLine'] }
    expect(await unrecordedBreakingChanges(last, broken, [...changelog, recorded])).toEqual([])
  })

  it('gives every entry a date, a reason and a replacement, and lists each deprecated field in a deprecation entry', () => {
    for (const entry of changelog) {
      expect(releases, entry.title).toContain(entry.release)
      expect(entry.date <= entry.release, entry.title).toBe(true)
    }
    const listed = new Set(changelog.filter((e) => e.kind === 'deprecation').flatMap((e) => e.changes))
    const deprecated: string[] = []
    for (const type of Object.values(executableSchema.getTypeMap())) {
      if (type.name.startsWith('__')) continue
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (field.deprecationReason) deprecated.push(`${type.name}.${field.name}`)
      }
    }
    expect(deprecated.length).toBeGreaterThan(10)
    expect(deprecated.filter((d) => !listed.has(d))).toEqual([])
  })

  it('dates every deprecation: "Removed after YYYY-MM-DD.", at least six months after the release that deprecated it', () => {
    const reasons = [...printedSchema().matchAll(/@deprecated\(reason: "([^"]*)"\)/g)].map((m) => m[1]!)
    expect(reasons.length).toBeGreaterThan(10)
    for (const reason of reasons) {
      const date = /Removed after (\d{4}-\d{2}-\d{2})\.$/.exec(reason)?.[1]
      expect(date, reason).toBeDefined()
      expect(date! >= '2027-06-02', reason).toBe(true)
    }
  })
})

describe('the schema changelog over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => { server = await startTestServer({ PUBLIC_BASE_URL: 'https://akkoord.example.org' }) })
  afterAll(() => server.close())

  it('serves the changelog as HTML with every breaking change and what to change', async () => {
    const response = await fetch(`${server.base}/schema/changelog`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await response.text()
    const tree = parseHtml(html) as unknown as Node
    const articles = all(tree).filter((n) => n.nodeName === 'article')
    expect(articles).toHaveLength(changelog.length)
    const codes = all(tree).filter((n) => n.nodeName === 'code').map(text)
    for (const path of ['Target.deadline', 'Target.value', 'Agreement.presentedOn', 'TargetMeasurement.recordedAt']) expect(codes).toContain(path)
    expect(text(tree)).toContain('What a client must change')
    expect(text(tree)).toContain("scalars: { LocalDate: 'string', DateTime: 'string' }")
    const links = all(tree).map((n) => attr(n, 'href')).filter(Boolean) as string[]
    expect(links).toContain('/schema/changelog.atom')
    for (const release of releases) {
      expect(links).toContain(`/schema/releases/${release}.graphql`)
      const sdl = await fetch(`${server.base}/schema/releases/${release}.graphql`)
      expect(sdl.status).toBe(200)
      expect(await sdl.text()).toBe(readFileSync(join(projectRoot, 'schema', 'releases', `${release}.graphql`), 'utf8'))
    }
    const again = await fetch(`${server.base}/schema/changelog`, { headers: { 'if-none-match': response.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })

  it('serves an Atom feed with one entry per change, absolute links under PUBLIC_BASE_URL', async () => {
    const response = await fetch(`${server.base}/schema/changelog.atom`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const entries: { title: string; id: string; updated: string }[] = []
    let rootName = ''
    let current: Record<string, string> | undefined
    let element = ''
    const parser = sax.parser(true, { xmlns: true })
    parser.onopentag = (tag) => {
      if (!rootName) rootName = `${(tag as sax.QualifiedTag).uri} ${tag.name}`
      if (tag.name === 'entry') current = {}
      element = tag.name
    }
    parser.ontext = (value) => { if (current && value.trim()) current[element] = (current[element] ?? '') + value }
    parser.oncdata = (value) => { if (current) current[element] = (current[element] ?? '') + value }
    parser.onclosetag = (name) => { if (name === 'entry' && current) { entries.push(current as never); current = undefined } }
    parser.write(await response.text()).close()
    expect(rootName).toBe('http://www.w3.org/2005/Atom feed')
    expect(entries).toHaveLength(changelog.length)
    for (const entry of entries) {
      expect(entry.id).toMatch(/^https:\/\/akkoord\.example\.org\/schema\/changelog#\d{4}-\d{2}-\d{2}-/)
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false)
    }
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
    expect(entries.map((e) => e.title)).toContain('Breaking change: Target.value is a Float instead of an Int')
  })

  it('is linked from GraphiQL and docs/api.md', async () => {
    const page = await (await fetch(`${server.base}/graphql`, { headers: { accept: 'text/html' } })).text()
    expect(page).toContain('href="/schema/changelog"')
    expect(page).toContain('href="/schema/changelog.atom"')
    const docs = readFileSync(join(projectRoot, 'docs/api.md'), 'utf8')
    expect(docs).toContain('/schema/changelog')
    expect(docs).toContain('schema/changelog.yaml')
  })
})
