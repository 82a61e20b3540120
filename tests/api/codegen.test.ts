import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { codegen } from '@graphql-codegen/core'
import * as typescriptOperationsPlugin from '@graphql-codegen/typescript-operations'
import { buildSchema, Kind, parse, validate, visit } from 'graphql'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { operationFiles } from '../../src/api/operation-documents.js'
import { projectRoot } from '../../src/config.js'

// The committed schema, as a client's codegen reads it (schema.test.ts keeps it equal to the served one).
const sdl = readFileSync(join(projectRoot, 'schema.graphql'), 'utf8')
const schema = buildSchema(sdl)
const operations = operationFiles().map(({ file, text }) => ({ location: file, document: parse(text) }))

/** The aliases a document uses: a client's generated types should not need any. */
function aliases(document: ReturnType<typeof parse>): string[] {
  const found: string[] = []
  visit(document, { [Kind.FIELD]: (node) => { if (node.alias) found.push(`${node.alias.value}: ${node.name.value}`) } })
  return found
}

describe('client code generation (@graphql-codegen typescript-operations)', () => {
  it('has a realistic set of operations, each valid against schema.graphql and without aliases', () => {
    expect(operations.length).toBeGreaterThanOrEqual(6)
    for (const { location, document } of operations) {
      expect(validate(schema, document).map((e) => `${location}: ${e.message}`)).toEqual([])
      expect(aliases(document)).toEqual([])
    }
  })

  it('generates types that compile under strict TypeScript, the search union selecting theme and kind on its members', async () => {
    const output = await codegen({
      schema: parse(sdl),
      documents: operations,
      filename: 'operations.ts',
      // Since version 6, typescript-operations writes the enums and input types the operations use by itself (with the
      // typescript plugin beside it, each would be declared twice).
      plugins: [{ typescriptOperations: {} }],
      pluginMap: { typescriptOperations: typescriptOperationsPlugin },
      config: { strictScalars: true, scalars: { LocalDate: 'string', DateTime: 'string' }, enumsAsTypes: true },
    })
    for (const name of ['ActionsPageQuery', 'ActionDetailQuery', 'SearchQuery', 'SearchQueryVariables', 'BudgetOverviewQuery', 'TargetsByDeadlineQuery']) {
      expect(output).toContain(`export type ${name} =`)
    }
    const search = output.slice(output.indexOf('export type SearchQuery ='))
    const searchType = search.slice(0, search.indexOf('\n\nexport'))
    expect(searchType).toContain("{ __typename: 'Action', slug: string, kind: ActionKind, theme: { slug: string, name: string } | null }")
    expect(searchType).toContain("{ __typename: 'BudgetLine', slug: string, theme: { slug: string, name: string } | null }")
    expect(searchType).toMatch(/__typename: 'Section'[^}]*sectionKind: SectionKind/)

    // The generated file, and a client using it, compile with the TypeScript compiler the project uses.
    const client = `${output}
declare const answer: SearchQuery
for (const edge of answer.search.edges) {
  const item = edge.node.item
  if (item.__typename === 'Action') { const kind: ActionKind = item.kind; const theme: string | undefined = item.theme?.name; void kind; void theme }
  if (item.__typename === 'Topic') { const name: string = item.parentTheme.name; void name }
}
export const variables: ActionsPageQueryVariables = { first: 100, filter: { theme: ['wonen'] }, orderBy: 'DEADLINE' }
`
    const fileName = 'operations.ts'
    const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, skipLibCheck: true, types: [] }
    const host = ts.createCompilerHost(options)
    const readFile = host.readFile.bind(host)
    host.readFile = (name) => (name === fileName ? client : readFile(name))
    const getSourceFile = host.getSourceFile.bind(host)
    host.getSourceFile = (name, language) => (name === fileName ? ts.createSourceFile(name, client, language) : getSourceFile(name, language))
    host.fileExists = ((exists) => (name: string) => name === fileName || exists(name))(host.fileExists.bind(host))
    const program = ts.createProgram([fileName], options, host)
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    expect(diagnostics).toEqual([])
  })
})
