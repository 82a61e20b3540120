import type { Quad } from 'n3'
import { locationPath, webPaths } from '../web/web-paths.js'
import { ownNamespace } from './own-terms.js'
import { ns } from './vocabulary.js'

type Graph = ReadonlyMap<string, readonly Quad[]>

const typeOf = (iri: string): string => iri.split('/id/')[1]?.split('/')[0] ?? ''
const keyOf = (iri: string): string => iri.split('/').at(-1) ?? ''
const value = (graph: Graph, subject: string | undefined, predicate: string): string | undefined =>
  graph.get(subject ?? '')?.find((q) => q.predicate.value === predicate)?.object.value
/** The subject of the first triple `? predicate object`: a reverse link (the post a person holds, the assessment citing evidence). */
const pointingAt = (graph: Graph, predicate: string, object: string): string | undefined => {
  for (const [subject, quads] of graph) if (quads.some((q) => q.predicate.value === predicate && q.object.value === object)) return subject
  return undefined
}

/** Where each kind of record is shown for people: its own page, or the nearest page that shows it. */
const pages: Record<string, (iri: string, graph: Graph) => string | undefined> = {
  agreement: () => webPaths.home,
  theme: (iri) => webPaths.theme(keyOf(iri)),
  action: (iri) => webPaths.action(keyOf(iri)),
  target: (iri, graph) => via(graph, value(graph, iri, ownNamespace + 'action')),
  'progress-assessment': (iri, graph) => via(graph, value(graph, iri, ownNamespace + 'action')),
  'target-measurement': (iri, graph) => via(graph, value(graph, iri, ownNamespace + 'target')),
  evidence: (iri, graph) => via(graph, pointingAt(graph, ns.schema + 'citation', iri)),
  portfolio: (iri) => webPaths.portfolio(keyOf(iri)),
  responsibility: (iri, graph) => via(graph, value(graph, iri, ownNamespace + 'portfolio')),
  person: (iri, graph) => via(graph, pointingAt(graph, ns.org + 'heldBy', iri)) ?? '/reports/full.html',
  membership: (iri, graph) => via(graph, value(graph, iri, ns.org + 'member')),
  district: (iri) => webPaths.district(keyOf(iri)),
  topic: (iri, graph) => topicPath(iri, graph),
  'budget-line': () => '/reports/budget.html',
  'budget-amount': () => '/reports/budget.html',
  'budget-category': () => '/reports/budget.html',
  'budget-year-total': () => '/reports/budget.html',
  rule: () => '/reports/full.html#algemene-spelregels',
  section: () => '/reports/full.html',
  party: () => '/reports/full.html',
  'source-artifact': () => '/reports/full.html',
}

/** The page of another record (the action a target belongs to, the post a person holds). */
function via(graph: Graph, iri: string | undefined): string | undefined {
  return iri ? pages[typeOf(iri)]?.(iri, graph) : undefined
}

/** A topic is a heading on its theme's page. */
function topicPath(iri: string, graph: Graph): string {
  const themeSlug = value(graph, iri, ownNamespace + 'theme')?.split('/').at(-1) ?? null
  return locationPath({ kind: 'topic', recordId: 0, slug: keyOf(iri), themeSlug, topicTitle: value(graph, iri, ns.schema + 'name') ?? null })
}

/**
 * The site path a browser is sent to for a record's IRI: the record's own
 * page (an action's /afspraak/ page, a theme's, an alderman's, a district's),
 * else the nearest page that shows it (a target on its action's page, a
 * budget line in the budget report); the catalogue's resources on /data/.
 */
export function humanPagePath(iri: string, graph: Graph): string {
  const type = typeOf(iri)
  if (['dataset', 'distribution', 'checksum', 'data-service', 'contact-point', 'period-of-time', 'provenance', 'progress-publication'].includes(type)) return '/data/'
  return pages[type]?.(iri, graph) ?? webPaths.home
}
