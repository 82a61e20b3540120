import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAgreementCopies, createTestApp, temporaryDir } from './support.js'

// One query that walks every relation of the schema, several levels deep, for every agreement.
const deep = `{
  agreements {
    slug
    parties { name members { name portfolio { slug } } }
    themes {
      name
      topics {
        title
        budgetLines { slug }
        actions {
          text kind section { slug }
          portfolios { holder { name party { name } } districts { name } responsibilities { name } }
          responsibilities { name portfolio { slug } }
          districts { name portfolio { holder { name } } }
          targets { value action { slug } }
          budgetLines { name amounts { year amount } portfolios { slug } category { name } topics { slug } }
        }
      }
      budgetLines { slug theme { slug } }
      portfolios { slug }
    }
    sections { slug children { slug actions { slug topic { slug } } } }
    budgetCategories { lines { slug actions { slug } } }
    budgetTotals { year amount computed }
    rules { position text }
    portfolios { actions { slug } budgetLines { slug } districts { actions { slug } } responsibilities { actions { slug } } }
    districts { name }
  }
}`

const scratch = temporaryDir('statements')
const one = join(scratch.dir, 'one.sqlite')
const three = join(scratch.dir, 'three.sqlite')
beforeAll(async () => {
  await buildAgreementCopies(join(scratch.dir, 'data-one'), one, ['assen-2022-2026'])
  await buildAgreementCopies(join(scratch.dir, 'data-three'), three, ['assen-2022-2026', 'assen-copy-a', 'assen-copy-b'])
}, 60_000)
afterAll(() => scratch.remove())

describe('snapshot reads', () => {
  it('runs the same number of SQL statements for a deeply nested query whatever the amount of data', async () => {
    const small = createTestApp({ databasePath: one, limits: { maxCost: 1_000_000 } })
    const large = createTestApp({ databasePath: three, limits: { maxCost: 1_000_000 } })
    try {
      const a = await small.gql(deep)
      const b = await large.gql(deep)
      expect(a.body.errors).toBeUndefined()
      expect(b.body.errors).toBeUndefined()
      // Three times the data ...
      expect(a.body.data.agreements).toHaveLength(1)
      expect(b.body.data.agreements).toHaveLength(3)
      const actions = (d: any) => d.agreements.flatMap((g: any) => g.themes.flatMap((t: any) => t.topics.flatMap((p: any) => p.actions)))
      expect(actions(a.body.data)).toHaveLength(167)
      expect(actions(b.body.data)).toHaveLength(501)
      expect(b.body.data.agreements[2].themes).toEqual(a.body.data.agreements[0].themes)
      // ... and the same statements: none, since every agreement was read into the snapshot when the database was opened.
      expect(a.body.extensions.sqlStatements).toBe(0)
      expect(b.body.extensions.sqlStatements).toBe(0)
    } finally {
      await small.close()
      await large.close()
    }
  })

  it('counts statements per request, not per process', async () => {
    const app = createTestApp({ databasePath: one })
    try {
      // Search runs in SQLite: a count and a page, each time.
      const search = '{ search(query: "woningbouw", first: 5) { totalCount edges { node { title item { ... on Action { slug theme { slug } } } } } } }'
      const first = await app.gql(search)
      const second = await app.gql(search)
      expect(first.body.extensions.sqlStatements).toBe(2)
      expect(second.body.extensions.sqlStatements).toBe(2)
      expect((await app.gql('{ themes { topics { title } } }')).body.extensions.sqlStatements).toBe(0)
    } finally {
      await app.close()
    }
  })
})
