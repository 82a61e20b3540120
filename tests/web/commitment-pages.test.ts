import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assessment, publishProgress, recordProgress, startEditorialServer } from '../editorial/support.js'
import { all, attr, text, type Node } from './html-tree.js'

// An action's page says who carries it and which other sentences state the same commitment, whose progress it shows.
let server: Awaited<ReturnType<typeof startEditorialServer>>
const t: Record<string, string> = {}
const page = async (path: string) => {
  const response = await fetch(`${server.base}${path}`, { headers: { accept: 'text/html' } })
  return { status: response.status, doc: parse(await response.text()) as unknown as Node }
}
/** The facts list of an action page as term → the text of its description. */
const facts = (doc: Node) => {
  const list = all(doc).find((n) => n.nodeName === 'dl' && attr(n, 'class') === 'facts')!
  const items = all(list).filter((n) => n.nodeName === 'dt' || n.nodeName === 'dd')
  const out: Record<string, string> = {}
  items.forEach((n, i) => { if (n.nodeName === 'dt' && items[i + 1]?.nodeName === 'dd') out[text(n)] = text(items[i + 1]!).replace(/\s+/g, ' ').trim() })
  return out
}
const links = (doc: Node) => all(doc).filter((n) => n.nodeName === 'a').map((n) => attr(n, 'href'))

beforeAll(async () => {
  server = await startEditorialServer()
  t.eva = await server.account('eva', 'editor')
  t.rob = await server.account('rob', 'reviewer')
})
afterAll(() => server?.close())

describe('the action page', () => {
  it('names the college as a whole, not an alderman, for a whole-college action', async () => {
    const { status, doc } = await page('/afspraak/maandelijks-wijkbezoek')
    expect(status).toBe(200)
    expect(facts(doc)['Verantwoordelijk']).toMatch(/^Het college als geheel/)
    expect(links(doc).some((href) => href?.startsWith('/wethouder/'))).toBe(false)
  })

  it('links a copy to its first statement and the first statement to its copies, with the reason', async () => {
    const copy = await page('/afspraak/dienstverlening-dichtbij-in-de-buurt')
    expect(facts(copy.doc)['Zelfde toezegging']).toMatch(/Herhaalt in het thema Meedoen/)
    expect(links(copy.doc)).toContain('/afspraak/dienstverlening-dichter-bij-inwoners-in-wijken')
    const first = await page('/afspraak/dienstverlening-dichter-bij-inwoners-in-wijken')
    expect(links(first.doc)).toContain('/afspraak/dienstverlening-dichtbij-in-de-buurt')
    expect(facts(first.doc)['Zelfde toezegging']).toMatch(/regel 466/)
  })

  it('shows on a copy the progress recorded on its commitment, on this visit and the next', async () => {
    const recorded = await server.gql(recordProgress, { input: assessment('dienstverlening-dichter-bij-inwoners-in-wijken', { status: 'ACHIEVED', explanation: 'Twee wijkloketten geopend.', expectedRevision: 0 }) }, t.eva)
    await server.gql(publishProgress, { id: recorded.body.data.recordProgress.assessment.id }, t.rob)
    for (const visit of [1, 2]) {
      const { doc } = await page('/afspraak/dienstverlening-dichtbij-in-de-buurt')
      const body = text(doc).replace(/\s+/g, ' ')
      expect(body, `visit ${visit}`).toContain('Twee wijkloketten geopend.')
      expect(body, `visit ${visit}`).toContain('de voortgang hieronder is die van die toezegging')
    }
  })

  it('is not counted on an alderman\'s page, which says the college as a whole carries those actions', async () => {
    const { status, doc } = await page('/wethouder/rasker')
    expect(status).toBe(200)
    const body = text(doc)
    expect(body).toContain('Daarnaast horen 12 afspraken bij het college als geheel')
    expect(body).not.toContain('Wij organiseren elke maand een wijkbezoek.')
  })
})
