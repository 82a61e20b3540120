import { recordLocations } from '../read-model/record-locations.js'
import { SearchInputError, searchLimits, searchRecords, searchTerms } from '../read-model/search-records.js'
import type { StoreLease } from '../store/store-lease.js'
import type { SafeHtml as Html } from '../web/html.js'
import { pageLayout } from '../web/page-layout.js'
import { searchPage } from '../web/pages/search-page.js'
import { readableHits } from '../web/search-hits.js'
import type { WebSite } from '../web/web-site.js'

const maxRows = 1000
const maxHits = 50

/** Why a search cannot run, in the page's language. */
function dutchProblem(error: SearchInputError): string {
  switch (error.problem) {
    case 'too-long': return `is ${error.count} tekens lang; er mogen er hoogstens ${searchLimits.maxLength} zijn`
    case 'no-words': return 'bevat geen woord om naar te zoeken (letters of cijfers)'
    case 'too-many-words': return `bevat ${error.count} verschillende woorden; er mogen er hoogstens ${searchLimits.maxWords} zijn`
  }
}

/** The search results page: the same search as the API's, for when JavaScript is off. */
export async function searchSite(web: WebSite, lease: StoreLease, query: string): Promise<Html> {
  const { source } = await web.current(lease)
  const { db } = lease.store
  const view = source.view
  const trail = [{ label: 'Home', href: '/' }, { label: 'Zoeken' }]
  const description = `Zoeken in de afspraken, onderwerpen, doelen, begroting, wethouders en wijken van het bestuursakkoord van de gemeente ${view.agreement.municipality}.`
  if (query.trim() === '') return pageLayout({ title: 'Zoeken', trail, content: searchPage('', 'empty'), theme: web.theme, description, url: web.url('/zoeken') })
  let result: Parameters<typeof searchPage>[1]
  try {
    const terms = searchTerms(query)
    // Every match is read (an agreement has a few hundred records), so the count is of the hits shown, after folding.
    const rows = await searchRecords(db, view.agreement.id, terms, { offset: 0, limit: maxRows })
    const themeNames = new Map(view.themes.map((t) => [t.theme.slug, t.theme.name]))
    const progress = await web.progress(view)
    const hits = readableHits(rows, await recordLocations(db, rows), terms, themeNames, (slug) => progress.statusOf(slug))
    result = { total: hits.length, hits: hits.slice(0, maxHits) }
  } catch (error) {
    if (!(error instanceof SearchInputError)) throw error
    result = { error: dutchProblem(error) }
  }
  return pageLayout({ title: `Zoeken: ${query}`, trail, content: searchPage(query, result), theme: web.theme, description })
}
