import type { RecordLocation } from '../read-model/record-locations.js'
import type { SearchRow, SearchTerms } from '../read-model/search-records.js'
import { hitSnippet, looksLikeTable, makeSnippet } from '../search/search-snippet.js'
import type { SearchKind } from '../store/database.js'
import { SafeHtml } from './html.js'
import type { SearchHitAction, SearchHitView } from './pages/search-page.js'
import type { ProgressStatus } from '../editorial/progress-vocabulary.js'
import { locationPath, webPaths } from './web-paths.js'

const kindLabels: Record<SearchKind, string> = {
  theme: 'Thema', topic: 'Onderwerp', action: 'Afspraak', target: 'Doel', budget_line: 'Begrotingsregel', rule: 'Financiële spelregel',
  section: 'Hoofdstuk', portfolio: 'Wethouder', district: 'Wijk',
}

/** A commitment's own words as a title: its first sentence, cut at a word near `max` characters. */
export function shortTitle(text: string, max = 110): string {
  const sentence = text.trim().split(/(?<=[.!?])\s/)[0]!
  if (sentence.length <= max) return sentence
  const cut = sentence.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:]+$/, '')}…`
}

const topicKey = (location: RecordLocation) => `${location.themeSlug}\u0000${location.topicTitle}`

/**
 * The search hits as a reader wants them: one per record that the words are
 * about. An action's search title is its topic's heading, so an action whose own
 * text does not hold the words matched only through that heading: it is listed
 * under the topic's hit (with its status and a link to its page), not one more
 * "Zwembad" line. A topic is titled under its theme; an action by its own words,
 * with its topic as context and its status.
 */
export function readableHits(
  rows: readonly SearchRow[], locations: readonly RecordLocation[], terms: SearchTerms, themeNames: ReadonlyMap<string, string>,
  statusOf: (actionSlug: string) => ProgressStatus,
): SearchHitView[] {
  const hits: SearchHitView[] = []
  const topics = new Set(rows.flatMap((row, i) => (row.kind === 'topic' ? [topicKey(locations[i]!)] : [])))
  const underTopic = new Map<string, SearchHitAction[]>()
  rows.forEach((row, i) => {
    const location = locations[i]!
    if (row.kind !== 'action' || !location.slug || !topics.has(topicKey(location))) return
    if (hitSnippet({ title: '', body: row.body }, terms).highlights.length > 0) return
    const list = underTopic.get(topicKey(location)) ?? []
    list.push({ title: shortTitle(row.body), href: webPaths.action(location.slug), status: statusOf(location.slug) })
    underTopic.set(topicKey(location), list)
  })
  rows.forEach((row, i) => {
    const location = locations[i]!
    const inBody = hitSnippet({ title: '', body: row.body }, terms)
    if (row.kind === 'action' && inBody.highlights.length === 0 && topics.has(topicKey(location))) return
    const theme = location.themeSlug ? themeNames.get(location.themeSlug) : undefined
    // Where only the title matched, the opening of the text says more than the title a second time.
    const snippet = new SafeHtml(inBody.highlights.length > 0 || row.body === '' ? hitSnippet(row, terms).html : makeSnippet(row.body, []).html)
    // An action has a page of its own (status, evidence, history): a better landing than its place in the theme.
    const href = row.kind === 'action' && location.slug ? webPaths.action(location.slug) : locationPath(location)
    switch (row.kind) {
      case 'topic':
        hits.push({ kind: kindLabels.topic, title: theme ? `${theme} › ${row.title}` : row.title, snippet, href, actions: underTopic.get(topicKey(location)) })
        break
      case 'action':
        // A short commitment is its own title: the snippet would only say it again.
        hits.push({
          kind: `${kindLabels.action} · ${theme ? `${theme} › ` : ''}${row.title}`, title: shortTitle(row.body),
          snippet: shortTitle(row.body) === row.body.trim() ? new SafeHtml('') : snippet, href, status: location.slug ? statusOf(location.slug) : undefined,
        })
        break
      case 'section':
        hits.push({ kind: kindLabels.section, title: row.title, snippet: looksLikeTable(row.body) ? new SafeHtml(`Uit de tabel: ${snippet.toString()}`) : snippet, href })
        break
      default:
        hits.push({ kind: kindLabels[row.kind], title: row.title || kindLabels[row.kind], snippet, href })
    }
  })
  return hits
}
