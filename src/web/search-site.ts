import { recordLocations } from '../read-model/record-locations.js'
import { countSearchMatches, SearchInputError, searchRecords, searchTerms } from '../read-model/search-records.js'
import { hitSnippet } from '../search/search-snippet.js'
import type { SearchKind } from '../store/database.js'
import type { StoreLease } from '../server/store-holder.js'
import { SafeHtml, type SafeHtml as Html } from './html.js'
import { pageLayout } from './page-layout.js'
import { searchPage } from './pages/search-page.js'
import { locationPath } from './web-paths.js'
import type { WebSite } from './web-site.js'

const kindLabels: Record<SearchKind, string> = {
  theme: 'Thema', topic: 'Onderwerp', action: 'Afspraak', target: 'Doel', budget_line: 'Begrotingsregel', rule: 'Financiële spelregel',
  section: 'Hoofdstuk', portfolio: 'Wethouder', district: 'Wijk',
}

/** The search results page: the same search as the API's, for when JavaScript is off. */
export async function searchSite(web: WebSite, lease: StoreLease, query: string): Promise<Html> {
  const { source } = await web.current(lease)
  const { db } = lease.store
  const view = source.view
  const trail = [{ label: 'Home', href: '/' }, { label: 'Zoeken' }]
  if (query.trim() === '') return pageLayout({ title: 'Zoeken', trail, content: searchPage('', { total: 0, hits: [] }), theme: web.theme })
  let result: Parameters<typeof searchPage>[1]
  try {
    const terms = searchTerms(query)
    const [rows, total] = await Promise.all([
      searchRecords(db, view.agreement.id, terms, { offset: 0, limit: 50 }),
      countSearchMatches(db, view.agreement.id, terms),
    ])
    const locations = await recordLocations(db, rows)
    result = {
      total,
      hits: rows.map((row, i) => ({
        kind: kindLabels[row.kind], title: row.title || kindLabels[row.kind], href: locationPath(locations[i]!),
        snippet: new SafeHtml(hitSnippet(row, terms).html),
      })),
    }
  } catch (error) {
    if (!(error instanceof SearchInputError)) throw error
    result = { error: error.message }
  }
  return pageLayout({ title: `Zoeken: ${query}`, trail, content: searchPage(query, result), theme: web.theme })
}
