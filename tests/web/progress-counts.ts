import { parse } from 'parse5'
import { expect } from 'vitest'
import { assessment, publishProgress, recordProgress, type startEditorialServer } from '../editorial/support.js'
import { all, text, type Node } from './html-tree.js'

// What the progress-count tests assess: a commitment stated twice in one theme (a sentence and the copy that
// restates it, same_as), one stated once, and one stated in two themes. All three slugs are canonical actions.
export const twiceInMeedoen = 'preventie-via-wijkgerichte-aanpak'
const housing = 'woonvisie-3000-woningen-als-minimum'
export const inTwoThemes = 'dienstverlening-dichter-bij-inwoners-in-wijken'
export const assessedStatuses = { [twiceInMeedoen]: 'ACHIEVED', [housing]: 'IN_PROGRESS', [inTwoThemes]: 'PARTLY_ACHIEVED' } as const

type EditorialServer = Awaited<ReturnType<typeof startEditorialServer>>

/** Records and publishes the three assessments, by an editor and a reviewer made for it. */
export async function publishThreeAssessments(server: EditorialServer): Promise<void> {
  await server.account('eva', 'editor')
  await server.account('rob', 'reviewer')
  for (const [slug, status] of Object.entries(assessedStatuses)) {
    const recorded = await server.gql(recordProgress, { input: assessment(slug, { status }) }, server.tokens.eva)
    expect(recorded.body.data.recordProgress.userErrors).toEqual([])
    expect((await server.gql(publishProgress, { id: recorded.body.data.recordProgress.assessment.id }, server.tokens.rob)).body.data.publishProgress.userErrors).toEqual([])
  }
}

/** A site page as a browser asks for it: status, ETag, body and its parsed tree. */
export async function sitePage(server: EditorialServer, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.base}${path}`, { headers: { accept: 'text/html', ...headers } })
  const body = await response.text()
  return { status: response.status, etag: response.headers.get('etag'), body, doc: parse(body) as unknown as Node }
}

/** A table by the start of its caption, as rows of cell texts (header cells and data cells alike); undefined when there is none. */
export function findTable(doc: Node, caption: string): string[][] | undefined {
  const found = all(doc).find((n) => n.nodeName === 'table' && all(n).some((c) => c.nodeName === 'caption' && text(c).startsWith(caption)))
  return found && all(found).filter((n) => n.nodeName === 'tr').map((tr) => tr.childNodes!.filter((c) => c.nodeName === 'th' || c.nodeName === 'td').map(text))
}

/** A table by the start of its caption, which must be there. */
export function table(doc: Node, caption: string): string[][] {
  const found = findTable(doc, caption)
  expect(found, caption).toBeDefined()
  return found!
}

/** A site summary table (a row per status, then the total) as status label → count, "Totaal" included. */
export const perStatus = (doc: Node) => Object.fromEntries(table(doc, 'Aantal toezeggingen per status').slice(1).map(([label, n]) => [label!, Number(n)]))

/** One row of a table with a column per status (the report's, /voortgang's per theme) as column header → count. */
export const row = (rows: string[][], label: string) => {
  const found = rows.find((r) => r[0] === label)
  expect(found, label).toBeDefined()
  return Object.fromEntries(rows[0]!.slice(1).map((header, i) => [header, Number(found![i + 1])]))
}

/** Only the statuses that occur: the report and /voortgang per theme leave out empty columns, the site's table lists every status. */
export const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))
