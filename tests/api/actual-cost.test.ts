import { getOperationAST, Kind, parse, type FragmentDefinitionNode } from 'graphql'
import { afterAll, describe, expect, it } from 'vitest'
import { answerCost } from '../../src/api/actual-cost.js'
import { executableSchema } from '../../src/api/executable-schema.js'
import { collectQueries } from './query-corpus.js'
import { referenceAnswerCost } from './reference-answer-cost.js'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())

/** Both walks over one answer of a query, and the actual cost the server reported for it. */
async function costs(query: string, variables?: Record<string, unknown>) {
  const answer = await app.gql(query, variables)
  const document = parse(query)
  const operation = getOperationAST(document, undefined)
  if (!operation || !answer.body.data) return undefined
  const fragments: Record<string, FragmentDefinitionNode> = {}
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition
  const data = answer.body.data
  // Twice: the second count reads the plan the first one made.
  return {
    planned: [answerCost(executableSchema, operation, fragments, data), answerCost(executableSchema, operation, fragments, data)],
    reference: referenceAnswerCost(executableSchema, operation, fragments, data),
  }
}

describe('the actual cost, planned once per operation', () => {
  it('counts every answer of the lean-path corpus as the per-object walk did', async () => {
    const mismatches: string[] = []
    let counted = 0
    for (const query of collectQueries()) {
      let document
      try { document = parse(query) } catch { continue }
      if (document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length !== 1) continue
      const result = await costs(query)
      if (!result) continue
      if (result.reference > 0) counted += 1
      if (result.planned[0] !== result.reference || result.planned[1] !== result.reference) mismatches.push(`${query.slice(0, 120)}: ${result.planned} against ${result.reference}`)
    }
    expect(mismatches).toEqual([])
    expect(counted).toBeGreaterThan(50)
  })

  it('counts a key selected in several fragments once, by the first selection, and skips what the answer lacks', async () => {
    const query = `query Twice($skip: Boolean!) { agreement { slug themes { slug ... on Theme { slug name topics { slug } } ...T } title @skip(if: $skip) } }
      fragment T on Theme { topics { slug title actions { slug } } }`
    for (const skip of [true, false]) {
      const result = (await costs(query, { skip }))!
      expect(result.reference).toBeGreaterThan(20)
      expect(result.planned).toEqual([result.reference, result.reference])
    }
  })
})
