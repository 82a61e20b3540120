import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgreementData } from '../../src/data/read-agreement-data.js'
import { modifiedDatabase } from './modified-database.js'
import { createTestApp, temporaryDir } from './support.js'

type Action = AgreementData['themes'][number]['data']['topics'][number]['actions'][number]

/** Every list of actions in the data (governance sections' and topics'), in file order. */
function actionLists(data: AgreementData): Action[][] {
  return [...data.agreement.data.sections.map((s) => s.actions ?? []), ...data.themes.flatMap((t) => t.data.topics.map((topic) => topic.actions))]
}

/** Removes actions by slug, and the budget lines' and repeated sentences' references to them. */
function remove(data: AgreementData, slugs: string[]): void {
  for (const list of actionLists(data)) for (const slug of slugs) {
    const index = list.findIndex((a) => a.slug === slug)
    if (index !== -1) list.splice(index, 1)
  }
  for (const category of data.budget.data.categories) for (const line of category.budget_lines) line.actions = line.actions.filter((s) => !slugs.includes(s))
  // A sentence that restated a removed one is a commitment of its own now.
  for (const list of actionLists(data)) for (const action of list) {
    if (action.same_as !== undefined && slugs.includes(action.same_as)) { delete action.same_as; delete action.same_as_reason }
  }
}

const page = `query Page($first: Int, $after: String, $orderBy: ActionOrder) {
  agreement { dataVersion dataDate }
  actions(first: $first, after: $after, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug } } }
}`

const dir = temporaryDir('open-akkoord-cursors-')
let apps: ReturnType<typeof createTestApp>[] = []
afterAll(async () => {
  for (const app of apps) await app.close()
  dir.remove()
})

async function appOver(name: string, modify: (data: AgreementData) => void) {
  const app = createTestApp({ databasePath: await modifiedDatabase(dir.dir, name, modify) })
  apps.push(app)
  return app
}

const slugsOf = (data: any): string[] => data.actions.edges.map((e: any) => e.node.slug)

describe('action cursors across a rebuild', () => {
  let before: ReturnType<typeof createTestApp>
  let order: string[]
  beforeAll(async () => {
    before = await appOver('before', () => {})
    order = slugsOf(await before.data(page, { first: 100 })).concat(slugsOf(await before.data(page, { first: 100, after: (await before.data(page, { first: 100 })).actions.pageInfo.endCursor })))
  })

  it('changes dataVersion with the content, and keeps it for a byte-identical build', async () => {
    const again = await appOver('again', () => {})
    const changed = await appOver('changed', (data) => remove(data, [order[5]!]))
    const version = async (app: typeof before) => (await app.data('{ agreement { dataVersion dataDate } }')).agreement
    const [a, b, c] = [await version(before), await version(again), await version(changed)]
    expect(a.dataVersion).toMatch(/^[0-9a-f]{20}$/)
    expect(b.dataVersion).toBe(a.dataVersion)
    expect(c.dataVersion).not.toBe(a.dataVersion)
    expect(c.dataDate).toBe(a.dataDate)
    expect(a.dataDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  for (const orderBy of ['DOCUMENT', 'DEADLINE'] as const) {
    it(`neither skips nor repeats an action when actions are removed, added and reordered between two pages (${orderBy})`, async () => {
      const first = await before.data(page, { first: 20, orderBy })
      const seen = slugsOf(first)
      const cursorSlug = seen.at(-1)!
      const later = slugsOf(await before.data(page, { first: 100, after: first.actions.pageInfo.endCursor, orderBy }))
      // The rebuild removes the cursor's own action, one before it and one after it, adds one after it and swaps two after it.
      const removed = [cursorSlug, seen[3]!, later[4]!]
      const [swapA, swapB, addAfter] = [later[10]!, later[11]!, later[20]!]
      const after = await appOver(`rebuilt-${orderBy}`, (data) => {
        remove(data, removed)
        for (const list of actionLists(data)) {
          const a = list.findIndex((x) => x.slug === swapA), b = list.findIndex((x) => x.slug === swapB)
          if (a !== -1 && b !== -1) [list[a], list[b]] = [list[b]!, list[a]!]
          const at = list.findIndex((x) => x.slug === addAfter)
          if (at !== -1) list.splice(at + 1, 0, { ...list[at]!, slug: `${addAfter}-bis`, targets: [] })
        }
      })
      const rebuilt = await after.data(page, { first: 100, orderBy })
      expect(rebuilt.agreement.dataVersion).not.toBe(first.agreement.dataVersion)
      const all = slugsOf(rebuilt).concat(slugsOf(await after.data(page, { first: 100, after: rebuilt.actions.pageInfo.endCursor, orderBy })))
      // The second page, asked of the rebuilt database with the first page's cursor.
      const second = [] as string[]
      let cursor: string | null = first.actions.pageInfo.endCursor
      while (cursor) {
        const next: any = await after.data(page, { first: 100, after: cursor, orderBy })
        second.push(...slugsOf(next))
        cursor = next.actions.pageInfo.hasNextPage ? next.actions.pageInfo.endCursor : null
      }
      expect(second.filter((slug) => seen.includes(slug))).toEqual([])
      expect(all.filter((slug) => !seen.includes(slug) && !second.includes(slug))).toEqual([])
      expect(second).toEqual(all.filter((slug) => !seen.includes(slug)))
      expect(second).toContain(`${addAfter}-bis`)
      expect(second).not.toContain(later[4])
    })
  }

  it('continues after the same action when it is still there, wherever it moved', async () => {
    const first = await before.data(page, { first: 20 })
    const cursorSlug = slugsOf(first).at(-1)!
    const after = await appOver('moved', (data) => remove(data, [slugsOf(first)[0]!, slugsOf(first)[1]!]))
    const second = slugsOf(await after.data(page, { first: 5, after: first.actions.pageInfo.endCursor }))
    const all = slugsOf(await after.data(page, { first: 100 }))
    expect(second).toEqual(all.slice(all.indexOf(cursorSlug) + 1, all.indexOf(cursorSlug) + 6))
  })

  it('still reads a cursor of the earlier form (a position) and refuses one of another order', async () => {
    const legacy = Buffer.from('Action:20', 'utf8').toString('base64url')
    const next = slugsOf(await before.data(page, { first: 2, after: legacy }))
    expect(next).toEqual(order.slice(20, 22))
    const deadline = (await before.data(page, { first: 1, orderBy: 'DEADLINE' })).actions.pageInfo.endCursor
    const refused = await before.gql(page, { first: 1, after: deadline })
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' })
  })

  it('keeps target cursors on their target when a rebuild renumbers rows, and refuses one whose target is gone', async () => {
    const targets = 'query($after: String) { targets(first: 10, after: $after) { pageInfo { endCursor } edges { node { slug } } } }'
    const first = (await before.data(targets)).targets
    const seen = first.edges.map((e: any) => e.node.slug)
    const all = async (app: typeof before) => (await app.data('{ targets(first: 100) { edges { node { slug } } } }')).targets.edges.map((e: any) => e.node.slug)
    const dropTarget = (data: AgreementData, slug: string) => {
      for (const list of actionLists(data)) for (const action of list) if (action.targets) action.targets = action.targets.filter((t) => t.slug !== slug)
    }
    // An earlier target removed: every later row gets another id, and the cursor still continues after its target.
    const renumbered = await appOver('targets-renumbered', (data) => dropTarget(data, seen[2]))
    const next = (await renumbered.data(targets, { after: first.pageInfo.endCursor })).targets.edges.map((e: any) => e.node.slug)
    const order = await all(renumbered)
    expect(next).toEqual(order.slice(order.indexOf(seen.at(-1)) + 1, order.indexOf(seen.at(-1)) + 11))
    // The cursor's own target removed: refused, not moved silently.
    const gone = await appOver('targets-gone', (data) => dropTarget(data, seen.at(-1)))
    const refused = await gone.gql(targets, { after: first.pageInfo.endCursor })
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' })
    expect(refused.body.errors[0].message).toContain('rebuilt')
  })
})
