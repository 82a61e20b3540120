import { afterAll, describe, expect, it } from 'vitest'
import { findActionsPage, type ActionFilterIds } from '../../src/read-model/actions-page.js'
import { listRecords } from '../../src/read-model/list-records.js'
import { encodeActionCursor } from '../../src/api/action-cursor.js'
import { openTestStore } from '../helpers.js'
import { createTestApp } from './support.js'

// The API answers from the snapshot; the expected pages come from the SQL keyset query it replaced.
const store = openTestStore()
const app = createTestApp()
afterAll(async () => { await app.close(); await store.db.destroy() })

const query = `query($filter: ActionFilter, $first: Int, $last: Int, $after: String, $before: String) {
  actions(filter: $filter, first: $first, last: $last, after: $after, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug } } } }`

/** The page SQL gives for the same window, in the API's shape. */
async function sqlPage(filter: ActionFilterIds, window: Parameters<typeof findActionsPage>[3]) {
  const agreementId = (await listRecords(store.db, 'agreement')).at(-1)!.id
  const page = await findActionsPage(store.db, agreementId, filter, window)
  const edges = page.records.map((a) => ({ cursor: encodeActionCursor('Action', { slug: a.slug, startLine: a.source.startLine, deadline: null }), node: { slug: a.slug } }))
  return {
    edges,
    pageInfo: { hasNextPage: page.hasMoreForward, hasPreviousPage: page.hasMoreBackward, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  }
}

describe('Query.actions from the snapshot', () => {
  it('gives the same pages and cursors as SQL, paging forwards then backwards, with and without a filter', async () => {
    const themes = await listRecords(store.db, 'theme')
    const wonen = themes.find((t) => t.slug === 'wonen')!
    const cases: { api: Record<string, unknown> | undefined; ids: ActionFilterIds }[] = [
      { api: undefined, ids: {} },
      { api: { theme: ['wonen'], kind: ['CONSULT', 'NEW'] }, ids: { themeIds: [wonen.id], kinds: ['consult', 'new'] } },
      { api: { hasBudget: false, hasTarget: false }, ids: { hasBudget: false, hasTarget: false } },
    ]
    for (const { api, ids } of cases) {
      let after: string | undefined
      let pages = 0
      const cursors: string[] = []
      // A cursor names its action by slug: the SQL window takes the action's position.
      const positionOf = new Map((await listRecords(store.db, 'action')).map((a) => [a.slug, a.position]))
      const slugOf = new Map<string, string>()
      do {
        const { actions } = await app.data(query, { filter: api, first: 5, after })
        for (const edge of actions.edges) slugOf.set(edge.cursor, edge.node.slug)
        const position = after === undefined ? undefined : positionOf.get(slugOf.get(after)!)
        expect({ edges: actions.edges, pageInfo: actions.pageInfo }).toEqual(await sqlPage(ids, { direction: 'forward', limit: 5, after: position }))
        cursors.push(...actions.edges.map((e: any) => e.cursor))
        after = actions.pageInfo.hasNextPage ? actions.pageInfo.endCursor : undefined
        pages += 1
      } while (after)
      expect(pages).toBeGreaterThan(1)
      const before = cursors[cursors.length - 3]!
      const { actions } = await app.data(query, { filter: api, last: 4, before })
      const position = positionOf.get(slugOf.get(before)!)
      expect({ edges: actions.edges, pageInfo: actions.pageInfo }).toEqual(await sqlPage(ids, { direction: 'backward', limit: 4, before: position }))
      expect(actions.totalCount).toBe(cursors.length)
    }
  })
})
