import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { NoDeprecatedCustomRule, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'
import { executableSchema } from '../../src/api/executable-schema.js'
import { exampleQueries } from '../../src/api/graphiql-page.js'
import { operationsDir } from '../../src/api/operation-documents.js'
import { projectRoot } from '../../src/config.js'

/** The deprecated fields, arguments and enum values a document uses. */
const deprecatedUses = (source: string) => validate(executableSchema, parse(source), [NoDeprecatedCustomRule]).map((e) => e.message)

/** The GraphQL of docs/api.md: its graphql blocks, and the query strings of its JavaScript recipes. */
function docsQueries(): string[] {
  const docs = readFileSync(join(projectRoot, 'docs/api.md'), 'utf8')
  const blocks = [...docs.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!)
  const inScripts = [...docs.matchAll(/```js\n([\s\S]*?)```/g)].flatMap((m) => [...m[1]!.matchAll(/`((?:query|\{)[\s\S]*?)`/g)].map((q) => q[1]!))
  return [...blocks, ...inScripts]
}

describe('what the project shows clients', () => {
  it('uses no deprecated field: GraphiQL tabs, trusted documents and the docs\' queries', () => {
    const sources = [
      ...exampleQueries.map((e) => [`GraphiQL tab ${e.name}`, e.query]),
      ...readdirSync(operationsDir).filter((f) => f.endsWith('.graphql')).map((f) => [f, readFileSync(join(operationsDir, f), 'utf8')]),
      ...docsQueries().map((q, i) => [`docs/api.md query ${i + 1}`, q]),
    ]
    expect(sources.length).toBeGreaterThan(15)
    const uses = sources.flatMap(([name, source]) => deprecatedUses(source!).map((m) => `${name}: ${m}`))
    expect(uses).toEqual([])
  })
})
