import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { modifiedDatabase } from './modified-database.js'
import { startTestServer, temporaryDir } from './support.js'

/** A GET of a query, as the bench and browsers send it. */
async function ask(base: string, query: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${base}/graphql?${new URLSearchParams({ query })}`, { headers: { accept: 'application/graphql-response+json' } })
  return { status: response.status, body: await response.text() }
}

describe('the list-item budget on the lean path', () => {
  let lean: Awaited<ReturnType<typeof startTestServer>>
  let general: Awaited<ReturnType<typeof startTestServer>>
  const dir = temporaryDir('open-akkoord-list-budget-')
  let databasePath = ''
  beforeAll(async () => {
    // The estimate is an upper bound for the published data, so only a database with longer lists than the
    // estimate's bounds can reach the budget: here one topic states every theme's actions.
    databasePath = await modifiedDatabase(dir.dir, 'long-lists', (data) => {
      const [first, ...rest] = data.themes.flatMap((t) => t.data.topics)
      for (const topic of rest) first!.actions.push(...topic.actions.splice(0))
    })
    // A budget of 20 points: the estimate of one topic's actions fits it, that topic's actions do not.
    lean = await startTestServer({ DATABASE_PATH: databasePath, MAX_COST: '20', RESPONSE_CACHE_BYTES: '0' })
    general = await startTestServer({ DATABASE_PATH: databasePath, MAX_COST: '20', RESPONSE_CACHE_BYTES: '0', COMPILED_CACHE_BYTES: '0' })
  }, 60_000)
  afterAll(async () => {
    await Promise.all([lean?.close(), general?.close()])
    dir.remove()
  })

  it('stops a list that outgrows the budget while the compiled query runs, and answers the refusal as yoga does, twice', async () => {
    const wide = await startTestServer({ DATABASE_PATH: databasePath })
    let longest: string
    try {
      const topics = JSON.parse((await ask(wide.base, '{ themes { topics { slug actions { slug } } } }')).body).data.themes.flatMap((t: any) => t.topics)
      longest = topics.reduce((a: any, b: any) => (b.actions.length > a.actions.length ? b : a)).slug
    } finally {
      await wide.close()
    }
    const query = `{ topic(slug: "${longest}") { slug actions { slug } } }`
    for (const round of [1, 2]) {
      const declined = lean.running.lean.stats.declined
      const fromLean = await ask(lean.base, query)
      expect(lean.running.lean.stats.declined, `round ${round}`).toBe(declined + 1)
      expect(fromLean).toEqual(await ask(general.base, query))
      const body = JSON.parse(fromLean.body)
      expect(body.data.topic).toBeNull()
      expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'MAX_COST', maximum: 20 })
    }
    // A request within the budget on the same server is the lean path's again: the count is per request.
    const answered = lean.running.lean.stats.answered
    expect(JSON.parse((await ask(lean.base, `{ topic(slug: "${longest}") { slug } }`)).body).errors).toBeUndefined()
    expect(lean.running.lean.stats.answered).toBe(answered + 1)
  })
})
