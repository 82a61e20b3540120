import { afterAll, describe, expect, it } from 'vitest'
import { executableSchema } from '../../src/api/executable-schema.js'
import { createTestApp } from './support.js'
import { declaredLists, listProbe, longestAt } from './list-lengths.js'

const app = createTestApp({ limits: { maxCost: 1_000_000_000, maxDepth: 100, maxTokens: 100_000, maxAliases: 1000 } })
afterAll(() => app.close())

/** The multiplier a list field declares (Pothos complexity), 10 when it declares none. */
function declaredMultiplier(field: { extensions?: Record<string, unknown> | null }): number {
  const option = field.extensions?.complexity as { multiplier?: number } | number | undefined
  return typeof option === 'object' && option?.multiplier !== undefined ? option.multiplier : 10
}

describe('list lengths in the cost estimate', () => {
  it('declares for every list at least its longest occurrence in the data, so the estimate is an upper bound', async () => {
    const { query, paths } = listProbe(executableSchema, 8)
    const answer = await app.gql(query)
    expect(answer.body.errors).toBeUndefined()
    const rows: string[] = []
    const tooShort: string[] = []
    for (const { type, field } of declaredLists(executableSchema)) {
      const key = `${type.name}.${field.name}`
      const found = paths.get(key)
      if (!found) continue
      const longest = Math.max(...found.map((path) => longestAt(answer.body.data, path)))
      rows.push(`${key} ${longest} ${declaredMultiplier(field)}`)
      if (longest > declaredMultiplier(field)) tooShort.push(`${key}: ${longest} items in the data, ${declaredMultiplier(field)} declared`)
    }
    expect(rows.length).toBeGreaterThan(30)
    expect(tooShort).toEqual([])
  })
})
